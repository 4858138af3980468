package org.gridwarden.rules.ruleset;

import java.util.List;
import org.gridwarden.rules.model.Channel;

/**
 * 案结事不了: a complaint on a subject within {@code window} after a case on the same subject was closed; one
 * alert per closed case, to the department that closed it.
 */
public record ComplaintAfterClosureRules(boolean enabled, TimeSpan window, List<Channel> channels)
        implements RuleParameters, ChannelFilter {}
