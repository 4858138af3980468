package org.gridwarden.rules.ruleset;

import java.util.List;
import org.gridwarden.rules.model.Channel;

/**
 * 群体性诉求: at least {@code threshold} complaints of one category family in one community within
 * {@code window}, from at least {@code threshold} distinct complainants; one alert per surge episode.
 *
 * @param alsoNotify the department told of every surge besides the community's street office (public security)
 */
public record ComplaintSurgeRules(
        boolean enabled, int threshold, TimeSpan window, List<Channel> channels, String alsoNotify)
        implements RuleParameters, ChannelFilter {}
