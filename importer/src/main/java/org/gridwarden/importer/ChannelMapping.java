package org.gridwarden.importer;

import java.util.Map;
import java.util.Optional;
import org.gridwarden.rules.model.Channel;

/**
 * From an export's intake methods to the channels of the contract (受理渠道), compared trimmed and without
 * regard to case.
 *
 * @param otherwise the channel of a method the table does not name; null to dead-letter such rows
 */
public record ChannelMapping(Map<String, Channel> table, Channel otherwise) {

    public ChannelMapping {
        table = Tables.byKey(table);
    }

    public Optional<Channel> channel(String method) {
        String key = Tables.key(method);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(table.getOrDefault(key, otherwise));
    }
}
