package org.gridwarden.rules.model.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.gridwarden.rules.complaint.CaseFact;
import org.gridwarden.rules.complaint.CaseMemory;
import org.gridwarden.rules.complaint.FollowUp;
import org.gridwarden.rules.complaint.SubjectComplaint;
import org.gridwarden.rules.grid.GridActivity;
import org.gridwarden.rules.grid.Silence;
import org.gridwarden.rules.hazard.BuildingSignal;
import org.gridwarden.rules.hazard.HazardCase;
import org.gridwarden.rules.hazard.HazardSignal;
import org.gridwarden.rules.ingest.AdmittedVersion;
import org.gridwarden.rules.model.Alert;
import org.gridwarden.rules.model.DeadLetter;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.Origin;
import org.gridwarden.rules.overdue.Assignment;
import org.gridwarden.rules.overdue.Case;
import org.gridwarden.rules.overdue.CaseState;
import org.gridwarden.rules.overdue.Deadline;
import org.gridwarden.rules.risk.GridRisk;
import org.gridwarden.rules.risk.RiskState;
import org.gridwarden.rules.routing.RoutedAlert;
import org.junit.jupiter.api.Test;

/** The rules' records cross the network and enter keyed state in the compact record form, and come back equal. */
class WireRecordTest {

    private static final List<Class<? extends Record>> RECORDS = List.of(Alert.class, RoutedAlert.class,
            DeadLetter.class, Origin.class, Ingested.class, AdmittedVersion.class, GridRisk.class, RiskState.class,
            HazardCase.class, HazardSignal.class, BuildingSignal.class, GridActivity.class, Silence.class, Case.class,
            Assignment.class, Deadline.class, CaseState.class, CaseMemory.class, CaseFact.class, FollowUp.class,
            SubjectComplaint.class);

    @Test
    void everyRecordComesBackEqual_withEveryFieldSetAndWithEveryFieldEmpty() throws IOException {
        for (Class<? extends Record> type : RECORDS) {
            TypeSerializer<Record> serializer = serializerOf(type);
            assertInstanceOf(WireRecordSerializer.class, serializer, type.getSimpleName());
            for (boolean full : new boolean[] {true, false}) {
                Record r = sample(type, full);
                assertEquals(r, roundTrip(serializer, r), type.getSimpleName() + (full ? " set" : " empty"));
            }
        }
    }

    @Test
    void aRecordWithAFieldOfNoWireForm_failsWhenItsTypeIsBuilt_namingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WireRecordSerializer.of(Tally.class));
        assertEquals("Tally.counts: no wire form for java.util.Map<java.lang.String, java.lang.Long>", e.getMessage());
    }

    @Test
    void aSavepointRestoresTheSameSerializer_andStateOfOtherFieldsIsRefused() throws IOException {
        TypeSerializer<Record> serializer = serializerOf(CaseFact.class);
        TypeSerializerSnapshot<Record> restored = reread(serializer.snapshotConfiguration());
        assertEquals(serializer, restored.restoreSerializer());
        assertTrue(serializer.snapshotConfiguration().resolveSchemaCompatibility(restored).isCompatibleAsIs());

        // a snapshot of CaseFact as an earlier version laid it out: one field fewer
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeUTF(CaseFact.class.getName());
        out.writeUTF(WireRecordSerializer.layout(CaseFact.class).replace("countsForClosures:boolean;", ""));
        WireRecordSnapshot<Record> earlier = new WireRecordSnapshot<>();
        earlier.readSnapshot(1, new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        assertTrue(serializer.snapshotConfiguration().resolveSchemaCompatibility(earlier).isIncompatible());
        IllegalStateException refused = assertThrows(IllegalStateException.class, earlier::restoreSerializer);
        assertTrue(refused.getMessage().contains("see the README on upgrading"), refused.getMessage());
    }

    @Test
    void aNestedRecordsFieldsArePartOfTheLayout() {
        String layout = WireRecordSerializer.layout(FollowUp.class);
        assertTrue(layout.contains("closure:" + CaseFact.class.getName() + "(kind:"), layout);
    }

    /** A record the compact form cannot write. */
    record Tally(String name, Map<String, Long> counts) {}

    @SuppressWarnings("unchecked")
    private static TypeSerializer<Record> serializerOf(Class<? extends Record> type) {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        return (TypeSerializer<Record>) TypeInformation.of(type).createSerializer(config);
    }

    private static TypeSerializerSnapshot<Record> reread(TypeSerializerSnapshot<Record> snapshot) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        return TypeSerializerSnapshot.readVersionedSnapshot(new DataInputDeserializer(out.getCopyOfBuffer()),
                WireRecordTest.class.getClassLoader());
    }

    private static Record roundTrip(TypeSerializer<Record> serializer, Record value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        serializer.serialize(value, out);
        Record back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        DataOutputSerializer copied = new DataOutputSerializer(128);
        serializer.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
        assertEquals(out.length(), copied.length(), "copy writes what it reads");
        return back;
    }

    /** A record whose every field holds a value (Chinese text, a sub-millisecond time, the last enum), or none. */
    private static Record sample(Class<?> type, boolean full) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getGenericType(), full, i);
        }
        try {
            return (Record) type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName(), e);
        }
    }

    private static Object value(Type generic, boolean full, int i) {
        if (generic instanceof ParameterizedType) {
            return full ? List.of("E-" + i, "东湖路 12 号") : null;
        }
        Class<?> c = (Class<?>) generic;
        if (c == int.class) {
            return full ? -7 - i : 0;
        }
        if (c == long.class) {
            return full ? 1L << 40 | i : 0L;
        }
        if (c == double.class) {
            return full ? 2.5 + i : 0.0;
        }
        if (c == boolean.class) {
            return full;
        }
        if (!full) {
            return null;
        }
        if (c == String.class) {
            return "字段" + i + "-field";
        }
        if (c == Instant.class) {
            return Instant.parse("2026-11-16T01:00:00.000001Z").plusSeconds(i);
        }
        if (c == Integer.class) {
            return 40 + i;
        }
        if (c == Long.class) {
            return -5L - i;
        }
        if (c == Boolean.class) {
            return i % 2 == 0;
        }
        if (c.isEnum()) {
            Object[] constants = c.getEnumConstants();
            return constants[constants.length - 1];
        }
        if (c.isRecord()) {
            return sample(c, true);
        }
        throw new IllegalArgumentException("no sample for " + c);
    }
}
