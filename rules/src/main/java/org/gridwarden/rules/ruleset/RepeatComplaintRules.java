package org.gridwarden.rules.ruleset;

import java.util.List;
import org.gridwarden.rules.model.Channel;

/**
 * 重复投诉: {@code threshold} complaints of one subject (same complainant, or same building/address, and the
 * same category family) within {@code window} from first to last raise one alert; counting then restarts.
 *
 * @param channels the channels whose CREATED events count as complaints
 */
public record RepeatComplaintRules(boolean enabled, int threshold, TimeSpan window, List<Channel> channels)
        implements RuleParameters, ChannelFilter {}
