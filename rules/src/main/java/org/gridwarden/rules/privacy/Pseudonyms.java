package org.gridwarden.rules.privacy;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a complainant id into a pseudonym: {@code psn-} and a keyed hash (HMAC-SHA256) of the id, the same for
 * one id under one key, unlinkable to it without the key. An id that already starts with {@code psn-} is kept,
 * so pseudonymising twice changes nothing. The key never appears in {@link #toString()}.
 */
public final class Pseudonyms implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final String PREFIX = "psn-";
    /** Shorter keys are guessable; 32 bytes of randomness is what HMAC-SHA256 can use. */
    public static final int MIN_KEY_BYTES = 16;

    private final byte[] key;
    private transient Mac mac;

    public Pseudonyms(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("a pseudonym key needs at least " + MIN_KEY_BYTES + " bytes, got "
                    + key.length);
        }
        this.key = key.clone();
    }

    /**
     * The key is the file's text without lines starting with {@code #} and without surrounding whitespace, so a
     * comment or an editor's final newline does not count.
     */
    public static Pseudonyms fromKeyFile(Path file) throws IOException {
        String text = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n")).strip();
        if (text.length() < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("pseudonym key file " + file + " holds fewer than " + MIN_KEY_BYTES
                    + " characters");
        }
        return new Pseudonyms(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The pseudonym of {@code id}; null and blank stay as they are, a pseudonym is kept. */
    public String pseudonym(String id) {
        if (id == null || id.isBlank() || id.startsWith(PREFIX)) {
            return id;
        }
        byte[] hash = mac().doFinal(id.getBytes(StandardCharsets.UTF_8));
        return PREFIX + HexFormat.of().formatHex(hash, 0, 12);
    }

    private Mac mac() {
        if (mac == null) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java runtime has HmacSHA256", e);
            }
        }
        return mac;
    }

    @Override
    public String toString() {
        return "Pseudonyms[HMAC-SHA256, key withheld]";
    }
}
