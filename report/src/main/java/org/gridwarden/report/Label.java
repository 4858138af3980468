package org.gridwarden.report;

/** A row's identity in the report: the id as it is in the alert files, the Chinese name, the English name. */
public record Label(String key, String chinese, String english) {

    /** "超期 Overdue", as the Markdown twin shows it; the Chinese alone when there is no English name. */
    public String bilingual() {
        return english == null || english.isBlank() || english.equals(chinese) ? chinese : chinese + " " + english;
    }
}
