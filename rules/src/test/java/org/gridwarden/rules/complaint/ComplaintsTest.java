package org.gridwarden.rules.complaint;

import static org.gridwarden.rules.testing.ComplaintCases.complaint;
import static org.gridwarden.rules.testing.Fixtures.beijing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gridwarden.rules.model.Channel;
import org.junit.jupiter.api.Test;

class ComplaintsTest {

    private static final List<Channel> CHANNELS = List.of(Channel.HOTLINE, Channel.APP, Channel.WINDOW);

    @Test
    void addressTypedDifferently_normalisesToOneKey() {
        assertEquals("湖滨路12号3栋 A座", Complaints.normaliseAddress("  湖滨路１２号３栋\u3000\t Ａ座 "));
        assertEquals("湖滨路12号3栋 A座", Complaints.normaliseAddress("湖滨路12号3栋 A座"));
        assertEquals("", Complaints.normaliseAddress("   "));
    }

    @Test
    void complaintWithComplainantAndBuilding_hasTwoSubjects_buildingBeforeAddress() {
        var e = complaint("K1", beijing("2026-11-16T09:00")).by("P1").building("S01C01G01-B03").address("湖滨路12号").event();
        assertEquals(List.of("complainant:P1|fire", "building:S01C01G01-B03|fire"), Complaints.subjectKeys(e, "fire"));
    }

    @Test
    void anonymousComplaintWithAddressOnly_hasTheAddressSubject() {
        var e = complaint("K1", beijing("2026-11-16T09:00")).address(" 湖滨路１２号 ").event();
        assertEquals(List.of("address:湖滨路12号|fire"), Complaints.subjectKeys(e, "fire"));
        assertEquals(List.of(), Complaints.subjectKeys(complaint("K2", beijing("2026-11-16T09:00")).event(), "fire"));
    }

    @Test
    void onlyCreatedEventsOfTheSectionsChannels_areComplaints() {
        assertTrue(Complaints.isComplaint(complaint("K1", beijing("2026-11-16T09:00")).via(Channel.APP).event(), CHANNELS));
        assertFalse(Complaints.isComplaint(complaint("K1", beijing("2026-11-16T09:00")).via(Channel.GRID).event(), CHANNELS));
        assertFalse(Complaints.isComplaint(
                org.gridwarden.rules.testing.Ledger.closed("K1", beijing("2026-11-16T09:00")), CHANNELS));
    }

    @Test
    void subjectKeys_readAsChineseInMessages() {
        assertEquals("投诉人P1", Complaints.describeSubject("complainant:P1|fire"));
        assertEquals("楼栋S01C01G01-B03", Complaints.describeSubject("building:S01C01G01-B03|fire"));
        assertEquals("地址“湖滨路12号”", Complaints.describeSubject("address:湖滨路12号|fire"));
    }
}
