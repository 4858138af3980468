package org.gridwarden.jobs.backtest;

/** Which rule set of a backtest raised an alert: the one in force now, or the one a supervisor proposes. */
public enum Side {
    /** 基线: the rule sets as they are. */
    BASELINE,
    /** 候选: the rule sets as proposed. */
    CANDIDATE;

    /** Put before the uid of every operator of this side's copy of the rules. */
    public String uidPrefix() {
        return name().toLowerCase() + "-";
    }
}
