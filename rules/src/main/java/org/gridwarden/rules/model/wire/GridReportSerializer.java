package org.gridwarden.rules.model.wire;

import static org.gridwarden.rules.model.wire.WireFields.readBoolean;
import static org.gridwarden.rules.model.wire.WireFields.readEnum;
import static org.gridwarden.rules.model.wire.WireFields.readInstant;
import static org.gridwarden.rules.model.wire.WireFields.readInteger;
import static org.gridwarden.rules.model.wire.WireFields.readString;
import static org.gridwarden.rules.model.wire.WireFields.writeBoolean;
import static org.gridwarden.rules.model.wire.WireFields.writeEnum;
import static org.gridwarden.rules.model.wire.WireFields.writeInstant;
import static org.gridwarden.rules.model.wire.WireFields.writeInteger;
import static org.gridwarden.rules.model.wire.WireFields.writeString;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.ReportKind;

/** A grid report on the wire and in keyed state, as {@link LedgerEventSerializer} writes a ledger event. */
public final class GridReportSerializer extends WireSerializer<GridReport> {

    public static final GridReportSerializer INSTANCE = new GridReportSerializer();

    private static final ReportKind[] KINDS = ReportKind.values();

    @Override
    public void serialize(GridReport r, DataOutputView out) throws IOException {
        writeString(r.reportId(), out);
        writeString(r.gridId(), out);
        writeString(r.workerId(), out);
        writeEnum(r.kind(), out);
        writeString(r.category(), out);
        writeInteger(r.severity(), out);
        writeString(r.buildingId(), out);
        writeBoolean(r.hazardFound(), out);
        writeString(r.caseId(), out);
        writeInstant(r.observedAt(), out);
        writeInstant(r.reportedAt(), out);
        writeString(r.note(), out);
    }

    @Override
    public GridReport deserialize(DataInputView in) throws IOException {
        return new GridReport(readString(in), readString(in), readString(in), readEnum(KINDS, in), readString(in),
                readInteger(in), readString(in), readBoolean(in), readString(in), readInstant(in), readInstant(in),
                readString(in));
    }

    @Override
    public TypeSerializerSnapshot<GridReport> snapshotConfiguration() {
        return new Snapshot();
    }

    /** What a savepoint records of the serializer: the version of its format. */
    public static final class Snapshot extends WireSnapshot<GridReport> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /** Named by {@code @TypeInfo} on {@link GridReport}. */
    public static final class Factory extends TypeInfoFactory<GridReport> {
        @Override
        public TypeInformation<GridReport> createTypeInfo(Type t, Map<String, TypeInformation<?>> generics) {
            return new WireTypeInfo<>(GridReport.class, INSTANCE);
        }
    }
}
