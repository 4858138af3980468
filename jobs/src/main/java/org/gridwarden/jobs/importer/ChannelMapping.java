package org.gridwarden.jobs.importer;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gridwarden.rules.model.Channel;

/**
 * From an export's intake methods to the channels of the contract (受理渠道), compared trimmed and without
 * regard to case.
 *
 * @param otherwise the channel of a method the table does not name; null to dead-letter such rows
 */
public record ChannelMapping(Map<String, Channel> table, Channel otherwise) {

    public ChannelMapping {
        table = table.entrySet().stream().collect(
                Collectors.toUnmodifiableMap(e -> StatusMapping.normalize(e.getKey()), Map.Entry::getValue));
    }

    public Optional<Channel> channel(String method) {
        String key = StatusMapping.normalize(method);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(table.getOrDefault(key, otherwise));
    }
}
