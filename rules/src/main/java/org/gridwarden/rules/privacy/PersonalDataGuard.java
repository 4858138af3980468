package org.gridwarden.rules.privacy;

import org.apache.flink.api.common.functions.MapFunction;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.Ingested;
import org.gridwarden.rules.model.LedgerEvent;

/**
 * The first step after decoding: a valid record goes on with its complainant id pseudonymised and the personal
 * numbers in its address and free text masked, so nothing downstream (state, alerts, Kafka keys, logs) holds
 * them. Dead letters pass unchanged: they keep the raw input for repair (restricted as the README says).
 */
public class PersonalDataGuard implements MapFunction<Ingested, Ingested> {

    public static final String UID = "personal-data-guard";
    public static final String NAME = "Pseudonymise complainants, mask personal numbers";

    private final Pseudonyms pseudonyms;

    public PersonalDataGuard(Pseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    @Override
    public Ingested map(Ingested record) {
        if (record.ledgerEvent() != null) {
            return new Ingested(null, guard(record.ledgerEvent()), record.origin(), null);
        }
        if (record.report() != null) {
            return new Ingested(guard(record.report()), null, record.origin(), null);
        }
        return record;
    }

    public LedgerEvent guard(LedgerEvent e) {
        return new LedgerEvent(e.eventId(), e.caseId(), e.type(), e.at(), e.channel(), e.category(), e.gridId(),
                e.buildingId(), PersonalNumbers.mask(e.address()), pseudonyms.pseudonym(e.complainantId()),
                e.priority(), e.dueAt(), e.sourceReportId(), e.department(), PersonalNumbers.mask(e.resolution()),
                e.satisfaction(), e.noDeadline());
    }

    public GridReport guard(GridReport r) {
        return new GridReport(r.reportId(), r.gridId(), r.workerId(), r.kind(), r.category(), r.severity(),
                r.buildingId(), r.hazardFound(), r.caseId(), r.observedAt(), r.reportedAt(),
                PersonalNumbers.mask(r.note()));
    }
}
