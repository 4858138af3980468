package org.gridwarden.rules.keyed;

import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;

/**
 * How the buffer shared by a key's handlers holds records: their type, the id that replaces a second copy, when
 * each is due and the total order in which records due together are handed out, so every run and every handler
 * agrees.
 */
public record Buffering<T>(Class<T> type, Function<T, String> id, Function<T, Instant> dueAt, Comparator<T> order) {}
