package org.gridwarden.rules.ruleset;

import java.util.List;
import org.gridwarden.rules.model.Channel;

/**
 * 巡查未发现: a "nothing found" patrol of a building while a hazard case on it is open, or followed within
 * {@code followUp} by a hazard complaint on it.
 */
public record PatrolMissedHazardRules(boolean enabled, TimeSpan followUp, List<Channel> channels)
        implements RuleParameters, ChannelFilter {}
