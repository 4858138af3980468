package org.gridwarden.rules.alert;

import org.gridwarden.rules.model.Channel;
import org.gridwarden.rules.reference.Category;
import org.gridwarden.rules.reference.CategoryFamily;
import org.gridwarden.rules.reference.Community;
import org.gridwarden.rules.reference.Department;
import org.gridwarden.rules.reference.Grid;
import org.gridwarden.rules.reference.Street;
import org.gridwarden.rules.ruleset.TimeSpan;

/**
 * The names alert texts are written with, in Chinese and English. Each language takes its own name and falls
 * back on the other one's, so a category imported from an English export reads by its English name in the
 * Chinese text too; an id or slug stands in only when the reference data names a thing in neither language.
 */
public final class ReferenceNames {

    private ReferenceNames() {}

    public static Bilingual category(Category c) {
        return names(c.name(), c.nameEn(), c.code(), humanise(c.code()));
    }

    /**
     * A family by its names; an imported family often has none but its id (e.g. {@code street_light_outages}),
     * and then the category it was raised for speaks for it.
     */
    public static Bilingual family(CategoryFamily f, Category raisedFor) {
        if (f == null || (missing(f.name(), f.id()) && missing(f.nameEn(), f.id()))) {
            return category(raisedFor);
        }
        return names(f.name(), f.nameEn(), f.id(), f.id());
    }

    public static Bilingual department(Department d) {
        return names(d.name(), d.nameEn(), d.id(), d.id());
    }

    public static Bilingual street(Street s) {
        return names(s.name(), s.nameEn(), s.id(), s.id());
    }

    public static Bilingual community(Community c) {
        return names(c.name(), c.nameEn(), c.id(), c.id());
    }

    /** A grid has one name, in the language of whoever drew it, used by both texts. */
    public static Bilingual grid(Grid g) {
        return Bilingual.same(missing(g.name(), "") ? g.gridId() : g.name());
    }

    /** The grid worker as the message names them; an imported grid has no worker's name. */
    public static Bilingual worker(Grid g) {
        return missing(g.workerName(), "")
                ? new Bilingual("网格员", "the grid worker")
                : new Bilingual("网格员" + g.workerName(), "grid worker " + g.workerName());
    }

    public static Bilingual span(TimeSpan t) {
        return new Bilingual(t.toChinese(), t.toEnglish());
    }

    /** How a case came in, as a message says it ("经12345热线受理" / "received via the 12345 hotline"). */
    public static Bilingual channel(Channel channel) {
        return switch (channel) {
            case HOTLINE -> new Bilingual("12345热线", "the 12345 hotline");
            case WINDOW -> new Bilingual("服务窗口", "a service window");
            case APP -> new Bilingual("群众App", "the residents' app");
            case GRID -> new Bilingual("网格上报", "a grid report");
            case INSPECTION -> new Bilingual("执法检查", "an inspection");
            case SENSOR -> new Bilingual("物联感知", "a sensor");
        };
    }

    /** English text that opens a sentence with a name such as "grid worker 任立新". */
    public static String sentence(String en) {
        return en.isEmpty() ? en : Character.toUpperCase(en.charAt(0)) + en.substring(1);
    }

    private static Bilingual names(String zh, String en, String id, String lastResort) {
        String chinese = !missing(zh, id) ? zh : !missing(en, id) ? en : lastResort;
        String english = !missing(en, id) ? en : !missing(zh, id) ? zh : lastResort;
        return new Bilingual(chinese, english);
    }

    /** Blank, or the id written again, as an import writes when it knows no name ("Environment" is a name). */
    private static boolean missing(String name, String id) {
        return name == null || name.isBlank() || name.strip().equals(id);
    }

    /** {@code fire.blocked_exit} as "blocked exit": better than the code when nothing names the category. */
    private static String humanise(String code) {
        return code.substring(code.indexOf('.') + 1).replace('_', ' ');
    }
}
