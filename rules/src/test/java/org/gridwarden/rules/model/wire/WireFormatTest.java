package org.gridwarden.rules.model.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;
import org.gridwarden.rules.model.LedgerEventType;
import org.gridwarden.rules.model.Priority;
import org.gridwarden.rules.model.ReportKind;
import org.junit.jupiter.api.Test;

/** Input records cross the network and enter keyed state in their own compact form, and come back equal. */
class WireFormatTest {

    private static final Instant T = Instant.parse("2026-11-16T01:00:00.123Z");

    @Test
    void everyLedgerEventComesBackEqual_allFieldsNoneAndSubMillisecondTimes() throws IOException {
        TypeSerializer<LedgerEvent> serializer = serializerOf(LedgerEvent.class);
        List<LedgerEvent> events = new ArrayList<>();
        for (LedgerEventType type : LedgerEventType.values()) {
            for (Channel channel : Channel.values()) {
                events.add(new LedgerEvent("E-" + type + channel, "K1", type, T, channel, "fire.blocked_exit",
                        "S01C01G01", "S01C01G01-B03", "东湖路 12 号 3 单元", "P1", Priority.values()[type.ordinal()
                        % Priority.values().length], T.plusSeconds(3600), "R1", "street-donghu", "已处理，居民满意",
                        type.ordinal() % 6, type.ordinal() % 2 == 0));
            }
        }
        events.add(new LedgerEvent("E-null", "K2", LedgerEventType.CREATED, Instant.parse("1969-12-31T23:59:59.999999999Z"),
                null, null, null, null, null, null, null, null, null, null, null, null, null));
        events.add(new LedgerEvent("E-nanos", "K2", LedgerEventType.CLOSED, Instant.parse("2026-11-16T01:00:00.000001Z"),
                null, null, null, null, "", null, null, Instant.ofEpochSecond(-5, 1), null, null, null, -1, false));
        for (LedgerEvent e : events) {
            assertEquals(e, roundTrip(serializer, e));
        }
    }

    @Test
    void everyGridReportComesBackEqual() throws IOException {
        TypeSerializer<GridReport> serializer = serializerOf(GridReport.class);
        for (ReportKind kind : ReportKind.values()) {
            GridReport full = new GridReport("R-" + kind, "S01C01G01", "W1", kind, "fire.blocked_exit", 3,
                    "S01C01G01-B03", kind == ReportKind.PATROL, "K1", T, T.plusNanos(1), "巡查发现堵塞，电话 138****0000 已打码");
            assertEquals(full, roundTrip(serializer, full));
        }
        GridReport bare = new GridReport("R0", null, null, null, null, null, null, null, null, null, null, null);
        assertEquals(bare, roundTrip(serializer, bare));
    }

    @Test
    void everyStringComesBackExactly_longOnesEmptyOnesEmojiAndLoneSurrogates() throws IOException {
        TypeSerializer<GridReport> serializer = serializerOf(GridReport.class);
        List<String> notes = List.of("", "a", "东".repeat(50_000), "x".repeat(127), "x".repeat(128), "x".repeat(16_384),
                "报告😀完毕", "lone \ud800 high", "lone \udc00 low", "\udfff", "reversed \udc00\ud800 pair");
        for (String note : notes) {
            GridReport r = new GridReport("R1", "S01C01G01", "W1", ReportKind.VISIT, null, null, null, null, null, T,
                    T, note);
            assertEquals(note, roundTrip(serializer, r).note());
        }
    }

    @Test
    void stateOfTheFirstFormat_isRefusedAtRestore_notMisread() throws IOException {
        TypeSerializer<LedgerEvent> serializer = serializerOf(LedgerEvent.class);
        TypeSerializerSnapshot<LedgerEvent> current = serializer.snapshotConfiguration();
        TypeSerializerSnapshot<LedgerEvent> first = new LedgerEventSerializer.Snapshot();
        first.readSnapshot(3, new DataInputDeserializer(new byte[0]), getClass().getClassLoader());

        assertTrue(current.resolveSchemaCompatibility(first).isIncompatible());
        assertThrows(IllegalStateException.class, first::restoreSerializer);
        assertTrue(current.resolveSchemaCompatibility(serializer.snapshotConfiguration()).isCompatibleAsIs());
    }

    @Test
    void aSavepointRestoresTheSameSerializer() throws IOException {
        for (TypeSerializer<?> serializer : List.of(serializerOf(LedgerEvent.class), serializerOf(GridReport.class))) {
            DataOutputSerializer out = new DataOutputSerializer(64);
            TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
            TypeSerializerSnapshot<?> restored = TypeSerializerSnapshot.readVersionedSnapshot(
                    new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
            assertEquals(serializer, restored.restoreSerializer());
        }
    }

    private static <T> TypeSerializer<T> serializerOf(Class<T> type) {
        TypeInformation<T> info = TypeInformation.of(type);
        if (type == LedgerEvent.class || type == GridReport.class) {
            assertInstanceOf(WireTypeInfo.class, info, "@TypeInfo names the wire format");
        }
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        return info.createSerializer(config);
    }

    private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        serializer.serialize(value, out);
        T back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        DataOutputSerializer copied = new DataOutputSerializer(128);
        serializer.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
        assertEquals(out.length(), copied.length(), "copy writes what it reads");
        return back;
    }
}
