package org.gridwarden.rules.ingest;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.gridwarden.rules.model.DeadLetter;

final class DeadLetterTypes {

    static final TypeInformation<DeadLetter> INFO = TypeInformation.of(DeadLetter.class);

    private DeadLetterTypes() {}
}
