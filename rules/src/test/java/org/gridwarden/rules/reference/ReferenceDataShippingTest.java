package org.gridwarden.rules.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.util.InstantiationUtil;
import org.gridwarden.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The reference data as it travels with every operator of a job, and as a task manager decodes it. */
class ReferenceDataShippingTest {

    @Test
    void arrivesWhole() throws Exception {
        ReferenceData sent = Fixtures.reference();
        ReferenceData got = roundTrip(sent);

        assertThat(got.grids()).containsExactlyElementsOf(sent.grids());
        assertThat(got.departments()).containsExactlyElementsOf(sent.departments());
        assertThat(got.categories()).containsExactlyElementsOf(sent.categories());
        assertThat(got.streets()).containsExactlyElementsOf(sent.streets());
        assertThat(got.calendar()).isEqualTo(sent.calendar());
        assertThat(got.supervisionOffice()).isEqualTo(sent.supervisionOffice());
    }

    @Test
    void oneDistrictIsDecodedOncePerProcess() throws Exception {
        ReferenceData sent = Fixtures.reference();

        assertThat(roundTrip(sent)).isSameAs(roundTrip(sent));
    }

    @Test
    void anotherDistrictIsNotTakenForIt() throws Exception {
        ReferenceData sent = Fixtures.reference();
        Grid first = sent.grids().iterator().next().grid();
        Grid renamed = new Grid(first.gridId(), first.name() + "（新）", first.communityId(), first.households(),
                first.workerId(), first.workerName());
        List<Grid> grids = sent.grids().stream().map(p -> p.grid() == first ? renamed : p.grid()).toList();
        ReferenceData other = new ReferenceData(sent.district(), grids, List.copyOf(sent.departments()),
                List.copyOf(sent.families()), List.copyOf(sent.categories()), List.of());

        ReferenceData got = roundTrip(other);

        assertThat(got).isNotSameAs(roundTrip(sent));
        assertThat(got.grid(first.gridId()).orElseThrow().grid().name()).isEqualTo(renamed.name());
    }

    private static ReferenceData roundTrip(ReferenceData reference) throws Exception {
        return InstantiationUtil.deserializeObject(InstantiationUtil.serializeObject(reference),
                ReferenceData.class.getClassLoader());
    }
}
