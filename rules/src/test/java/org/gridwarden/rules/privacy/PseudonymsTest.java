package org.gridwarden.rules.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A complainant's pseudonym: stable under one key, another under another key, never the id or the key. */
class PseudonymsTest {

    private static final String ID = "110105199003071234";

    @Test
    void theSameKeyGivesTheSamePseudonym_anotherKeyAnotherOne(@TempDir Path dir) throws Exception {
        Path keyFile = dir.resolve("pseudonym.key");
        Files.writeString(keyFile, "# district key, 2026\nfirst-key-0123456789abcdef\n");
        Pseudonyms first = Pseudonyms.fromKeyFile(keyFile);
        Pseudonyms again = new Pseudonyms("first-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        Pseudonyms other = new Pseudonyms("other-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));

        String pseudonym = first.pseudonym(ID);
        assertTrue(pseudonym.matches("psn-[0-9a-f]{24}"), pseudonym);
        assertEquals(pseudonym, again.pseudonym(ID));
        assertNotEquals(pseudonym, other.pseudonym(ID));
        assertNotEquals(pseudonym, first.pseudonym("110105199003071235"));
    }

    @Test
    void aPseudonymIsKept_soPseudonymisingTwiceChangesNothing() {
        Pseudonyms p = new Pseudonyms("first-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        assertEquals("psn-already", p.pseudonym("psn-already"));
        assertEquals(p.pseudonym(ID), p.pseudonym(p.pseudonym(ID)));
        assertEquals(null, p.pseudonym(null));
    }

    @Test
    void theKeyIsNeverShown_andAShortKeyIsRefused(@TempDir Path dir) throws Exception {
        Pseudonyms p = new Pseudonyms("first-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        assertFalse(p.toString().contains("first-key"), p.toString());
        Path shortKey = dir.resolve("short.key");
        Files.writeString(shortKey, "secret\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pseudonyms.fromKeyFile(shortKey));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }
}
