package org.gridwarden.rules.reference;

import java.io.Serializable;

/** A department that receives alerts on its own Kafka topic (责任单位). */
public record Department(String id, String name, String nameEn, Tier tier, String topic) implements Serializable {}
