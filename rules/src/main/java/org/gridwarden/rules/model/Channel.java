package org.gridwarden.rules.model;

/** Where a case entered the ledger. */
public enum Channel {
    /** 12345 热线 */
    HOTLINE,
    /** 一站式服务窗口 */
    WINDOW,
    APP,
    /** 网格员上报 */
    GRID,
    /** 检查 */
    INSPECTION,
    /** 物联感知 */
    SENSOR
}
