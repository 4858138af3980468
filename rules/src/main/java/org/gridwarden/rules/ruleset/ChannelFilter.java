package org.gridwarden.rules.ruleset;

import java.util.List;
import org.gridwarden.rules.model.Channel;

/** Parameters of a rule that looks only at cases from some channels (受理渠道). */
public interface ChannelFilter {

    List<Channel> channels();
}
