package org.gridwarden.rules.ruleset;

import java.util.List;
import org.gridwarden.rules.model.Channel;

/**
 * 隐患漏报: a hazard case from a non-grid channel in grid G with no grid HAZARD report for G and the same family
 * in {@code lookBack} before it nor within {@code grace} after it.
 */
public record HazardNotReportedRules(boolean enabled, TimeSpan lookBack, TimeSpan grace, List<Channel> channels)
        implements RuleParameters, ChannelFilter {}
