package org.gridwarden.jobs;

import java.util.Locale;

/** A count with its noun in the right number, as a person reads it: "1 alert", "2 alerts", "12,345 records". */
public final class Plural {

    private Plural() {}

    /** For nouns whose plural adds an s. */
    public static String of(long n, String singular) {
        return of(n, singular, singular + "s");
    }

    public static String of(long n, String singular, String plural) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? singular : plural);
    }
}
