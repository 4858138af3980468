package org.gridwarden.rules.model;

/** The life of a case in the service ledger (服务台账). */
public enum LedgerEventType {
    /** 受理 */
    CREATED,
    /** 派单: dispatched to a department */
    ASSIGNED,
    /** 签收: the department signed for the case */
    ACCEPTED,
    /** 延期: the deadline moves */
    EXTENDED,
    /** 挂起: the clock pauses */
    SUSPENDED,
    /** 恢复: the clock runs again */
    RESUMED,
    /** 回复: the department replied to the citizen */
    REPLIED,
    /** 办结 */
    CLOSED,
    /** 重新打开 */
    REOPENED,
    /** 撤销 */
    CANCELLED
}
