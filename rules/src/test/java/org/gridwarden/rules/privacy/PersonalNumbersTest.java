package org.gridwarden.rules.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Phone and ID-card numbers in addresses and free text are masked, a few digits left; other text is kept. */
class PersonalNumbersTest {

    @Test
    void mobileNumbers_writtenAnyCommonWay() {
        assertEquals("湖滨路12号3栋 联系138****5678", PersonalNumbers.mask("湖滨路12号3栋 联系13812345678"));
        assertEquals("电话 138****5678。", PersonalNumbers.mask("电话 138-1234-5678。"));
        assertEquals("电话 159****4321", PersonalNumbers.mask("电话 １５９８７６５４３２１"));
    }

    @Test
    void landlineNumbers() {
        assertEquals("座机010-****5678", PersonalNumbers.mask("座机010-12345678"));
        assertEquals("0571****4321转", PersonalNumbers.mask("057187654321转"));
    }

    @Test
    void theShortestNumber_tenDigits_isMasked_andFewerDigitsAreOnlyMadeHalfWidth() {
        assertEquals("电话010****4567", PersonalNumbers.mask("电话0101234567"));
        assertEquals("电话010****4567", PersonalNumbers.mask("电话０１０１２３４５６７"));
        assertEquals("湖滨路12号3栋1单元", PersonalNumbers.mask("湖滨路１２号３栋１单元"));
    }

    @Test
    void idCardNumbers_alsoWithX() {
        assertEquals("身份证110***********1234", PersonalNumbers.mask("身份证110105199003071234"));
        assertEquals("id 110***********123X.", PersonalNumbers.mask("id 11010519900307123X."));
    }

    @Test
    void addressesAndOtherNumbersStayAsTheyAre() {
        for (String kept : new String[] {"湖滨路12号3栋", "2026-11-20 09:30 已处理", "工单 C-20261120-0001", "12345热线"}) {
            assertEquals(kept, PersonalNumbers.mask(kept));
        }
        assertEquals(null, PersonalNumbers.mask(null));
    }
}
