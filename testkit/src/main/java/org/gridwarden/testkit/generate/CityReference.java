package org.gridwarden.testkit.generate;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.gridwarden.rules.reference.Community;
import org.gridwarden.rules.reference.District;
import org.gridwarden.rules.reference.Grid;
import org.gridwarden.rules.reference.GridPlace;
import org.gridwarden.rules.reference.ReferenceData;
import org.gridwarden.rules.reference.Street;

/**
 * The reference data of a city of a given number of grids, grown from a district's: the same streets,
 * departments, categories and calendar, so that the district's rule sets still apply, with its communities and
 * grids kept and new communities of six or seven grids added street by street (ids in the district's style,
 * {@code S03C12}, {@code S03C12G04}). A smaller city keeps the district's first grids. The same district and
 * size always give the same city, and a bigger city holds the smaller one.
 */
public final class CityReference {

    /** Where {@code generate} writes a city's reference data, next to its streams. */
    public static final String DIRECTORY = "reference";

    private static final long LAYOUT_SEED = 20261102L;
    private static final int MIN_GRIDS_PER_COMMUNITY = 6;
    private static final int MAX_GRIDS_PER_COMMUNITY = 7;
    private static final int MIN_HOUSEHOLDS = 300;
    private static final int MAX_HOUSEHOLDS = 500;
    private static final List<String> COPIED = List.of("departments.yaml", "categories.yaml");
    private static final String CALENDAR = "calendar";

    /** Halves of community names with their pinyin, e.g. 翠 + 湖 = 翠湖社区, Cuihu Community. */
    private static final String[][] NAME_STARTS = {
        {"东", "dong"}, {"西", "xi"}, {"南", "nan"}, {"北", "bei"}, {"金", "jin"}, {"银", "yin"}, {"翠", "cui"},
        {"青", "qing"}, {"红", "hong"}, {"白", "bai"}, {"紫", "zi"}, {"锦", "jin"}, {"玉", "yu"}, {"龙", "long"},
        {"凤", "feng"}, {"华", "hua"}, {"兴", "xing"}, {"安", "an"}, {"康", "kang"}, {"福", "fu"}, {"寿", "shou"},
        {"吉", "ji"}, {"祥", "xiang"}, {"和", "he"}, {"平", "ping"}, {"永", "yong"}, {"长", "chang"}, {"新", "xin"},
        {"丰", "feng"}, {"盛", "sheng"}, {"泰", "tai"}, {"嘉", "jia"}, {"瑞", "rui"}, {"鸿", "hong"}, {"明", "ming"},
        {"光", "guang"}, {"朝", "chao"}, {"春", "chun"}, {"秋", "qiu"}, {"星", "xing"}, {"月", "yue"},
        {"云", "yun"}, {"霞", "xia"}, {"松", "song"}, {"柏", "bai"}, {"桂", "gui"}, {"梅", "mei"}, {"兰", "lan"},
        {"竹", "zhu"}, {"荷", "he"}, {"柳", "liu"}, {"桃", "tao"}, {"杏", "xing"}, {"枫", "feng"}, {"梧", "wu"},
        {"文", "wen"}, {"德", "de"}, {"仁", "ren"}, {"振", "zhen"}, {"建", "jian"}, {"育", "yu"}, {"广", "guang"},
        {"富", "fu"}, {"裕", "yu"}, {"昌", "chang"}, {"隆", "long"}, {"宁", "ning"}, {"静", "jing"}, {"秀", "xiu"},
        {"乐", "le"}, {"怡", "yi"}, {"惠", "hui"}, {"馨", "xin"}, {"沁", "qin"}};
    private static final String[][] NAME_ENDS = {
        {"湖", "hu"}, {"河", "he"}, {"江", "jiang"}, {"山", "shan"}, {"岭", "ling"}, {"园", "yuan"}, {"苑", "yuan"},
        {"林", "lin"}, {"庭", "ting"}, {"桥", "qiao"}, {"湾", "wan"}, {"港", "gang"}, {"池", "chi"},
        {"泉", "quan"}, {"溪", "xi"}, {"岸", "an"}, {"坊", "fang"}, {"门", "men"}, {"里", "li"}, {"庄", "zhuang"},
        {"城", "cheng"}, {"景", "jing"}, {"府", "fu"}, {"阁", "ge"}, {"台", "tai"}, {"亭", "ting"}, {"坡", "po"},
        {"塘", "tang"}, {"堤", "di"}, {"洲", "zhou"}, {"渡", "du"}, {"田", "tian"}, {"坪", "ping"}, {"峰", "feng"},
        {"谷", "gu"}, {"源", "yuan"}, {"滨", "bin"}, {"畔", "pan"}, {"苗", "miao"}, {"晖", "hui"}, {"居", "ju"},
        {"邨", "cun"}, {"湘", "xiang"}, {"蓉", "rong"}, {"棠", "tang"}, {"轩", "xuan"}, {"汇", "hui"},
        {"都", "du"}, {"茵", "yin"}};
    private static final String[] NUMERALS = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐",
        "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓",
        "曹", "彭", "曾", "肖", "田", "董", "潘", "袁", "蒋", "蔡", "余"};
    private static final String[] GIVEN_NAMES = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇",
        "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强", "秀英", "国强",
        "海燕", "玉兰", "建国", "晓东", "丽华", "红梅", "德明", "春燕", "小平", "文静", "立新", "建军", "秀珍",
        "永刚"};

    private CityReference() {}

    /**
     * Writes the reference data of a city of {@code grids} grids grown from {@code district}, whose files are
     * in {@code districtDir}, into {@code cityDir} (created if missing, files replaced).
     */
    public static void write(Path districtDir, ReferenceData district, int grids, Path cityDir) throws IOException {
        if (grids < 1) {
            throw new IllegalArgumentException("a city needs at least 1 grid, not " + grids);
        }
        if (Files.exists(cityDir) && Files.isSameFile(districtDir, cityDir)) {
            throw new IllegalArgumentException(cityDir + " holds the reference data the city is grown from;"
                    + " write the city elsewhere");
        }
        City city = grow(district, grids);
        Files.createDirectories(cityDir.resolve(CALENDAR));
        writeDistrict(cityDir.resolve("district.yaml"), city, district.district().name(), grids);
        writeGrids(cityDir.resolve("grids.csv"), city.grids());
        for (String file : COPIED) {
            Files.copy(districtDir.resolve(file), cityDir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        try (Stream<Path> years = Files.list(districtDir.resolve(CALENDAR))) {
            for (Path year : years.filter(f -> f.getFileName().toString().endsWith(".yaml")).toList()) {
                Files.copy(year, cityDir.resolve(CALENDAR).resolve(year.getFileName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private record City(District district, List<Grid> grids) {}

    /** The district's streets with their communities, old and new, and the grids in street order. */
    private static City grow(ReferenceData district, int size) {
        List<Street> streets = List.copyOf(district.streets());
        Map<String, List<Community>> communities = new LinkedHashMap<>();
        Map<String, List<Grid>> gridsOfStreet = new LinkedHashMap<>();
        Set<String> communityIds = new HashSet<>();
        Set<String> workerIds = new HashSet<>();
        for (Street s : streets) {
            communities.put(s.id(), new ArrayList<>(s.communities()));
            gridsOfStreet.put(s.id(), new ArrayList<>());
            s.communities().forEach(c -> communityIds.add(c.id()));
        }
        int kept = 0;
        for (GridPlace place : district.grids()) {
            if (kept == size) {
                break;
            }
            kept++;
            gridsOfStreet.get(place.street().id()).add(place.grid());
            workerIds.add(place.grid().workerId());
        }
        Dice dice = new Dice(LAYOUT_SEED);
        List<String[]> names = communityNames(dice);
        int added = 0;
        int worker = kept;
        for (int grids = kept; grids < size; added++) {
            Street street = streets.get(added % streets.size());
            List<Community> ofStreet = communities.get(street.id());
            String id = nextId(street.id() + "C", ofStreet.size() + 1, communityIds);
            String[] name = names.get(added % names.size());
            int round = added / names.size();
            String numeral = round == 0 ? "" : round + 1 < NUMERALS.length ? NUMERALS[round + 1] : Integer.toString(round + 1);
            String en = round == 0 ? "" : " " + (round + 1);
            Community community = new Community(id, name[0] + numeral + "社区", name[1] + en + " Community");
            ofStreet.add(community);
            int count = Math.min(size - grids, dice.between(MIN_GRIDS_PER_COMMUNITY, MAX_GRIDS_PER_COMMUNITY));
            for (int g = 1; g <= count; g++) {
                String workerId = nextId("W", ++worker, workerIds);
                gridsOfStreet.get(street.id()).add(new Grid(id + "G" + pad(g, 2), community.name() + "第" + g + "网格",
                        id, dice.between(MIN_HOUSEHOLDS, MAX_HOUSEHOLDS), workerId,
                        SURNAMES[dice.between(0, SURNAMES.length - 1)]
                                + GIVEN_NAMES[dice.between(0, GIVEN_NAMES.length - 1)]));
            }
            grids += count;
        }
        List<Street> grown = streets.stream().map(s -> new Street(s.id(), s.name(), s.nameEn(), s.department(),
                List.copyOf(communities.get(s.id())))).toList();
        District d = district.district();
        return new City(new District(d.id(), d.name(), d.nameEn(), d.timeZone(), grown),
                gridsOfStreet.values().stream().flatMap(List::stream).toList());
    }

    /** Every two-character name once, in an order drawn from the dice: {name, pinyin capitalised}. */
    private static List<String[]> communityNames(Dice dice) {
        List<String[]> names = new ArrayList<>();
        for (String[] start : NAME_STARTS) {
            for (String[] end : NAME_ENDS) {
                // a syllable starting with a vowel is set off with an apostrophe, as in Liu'an
                String pinyin = start[1] + ("aeo".indexOf(end[1].charAt(0)) >= 0 ? "'" : "") + end[1];
                names.add(new String[] {start[0] + end[0], Character.toUpperCase(pinyin.charAt(0)) + pinyin.substring(1)});
            }
        }
        for (int i = names.size() - 1; i > 0; i--) {
            int j = dice.between(0, i);
            String[] swap = names.get(i);
            names.set(i, names.get(j));
            names.set(j, swap);
        }
        return names;
    }

    /** {@code prefix} and the first number from {@code n} on whose id is not taken yet, which it takes. */
    private static String nextId(String prefix, int n, Set<String> taken) {
        String id = prefix + pad(n, prefix.equals("W") ? 4 : 2);
        while (!taken.add(id)) {
            id = prefix + pad(++n, prefix.equals("W") ? 4 : 2);
        }
        return id;
    }

    private static String pad(int n, int width) {
        String digits = Integer.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    private static void writeDistrict(Path file, City city, String grownFrom, int grids) throws IOException {
        YAMLMapper yaml = YAMLMapper.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# A city of " + grids + " grids grown from " + grownFrom + " by `gridwarden generate --grids "
                    + grids + "`: its streets, departments,\n# categories and calendar, its communities and grids and"
                    + " more of them, with ids in its style. Grids are in grids.csv.\n");
            yaml.writeValue(out, city.district());
        }
    }

    private static void writeGrids(Path file, List<Grid> grids) throws IOException {
        CsvSchema schema = CsvSchema.builder().addColumn("gridId").addColumn("name").addColumn("communityId")
                .addNumberColumn("households").addColumn("workerId").addColumn("workerName").setUseHeader(true).build();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                SequenceWriter rows = new CsvMapper().writerFor(Grid.class).with(schema).writeValues(out)) {
            rows.writeAll(grids);
        }
    }
}
