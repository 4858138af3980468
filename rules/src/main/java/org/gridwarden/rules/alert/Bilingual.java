package org.gridwarden.rules.alert;

import java.io.Serializable;

/**
 * A text in the two languages of an alert: Chinese for the district's own staff, English for everyone else
 * (a city abroad, an auditor, a newcomer to the code).
 */
public record Bilingual(String zh, String en) implements Serializable {

    /** A text that reads the same in both languages, such as an id or a grid worker's name. */
    public static Bilingual same(String text) {
        return new Bilingual(text, text);
    }
}
