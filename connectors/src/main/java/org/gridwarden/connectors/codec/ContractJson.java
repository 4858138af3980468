package org.gridwarden.connectors.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.gridwarden.rules.model.GridReport;
import org.gridwarden.rules.model.LedgerEvent;

/**
 * JSON as input contract v1 writes it: field names of the model records, enums by name, absent fields left
 * out, and times as people in the district read them, with the district's offset ({@code 2026-11-20T09:30:00+08:00}).
 */
public final class ContractJson {

    private static final DateTimeFormatter LOCAL_WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private final ObjectMapper mapper;

    public ContractJson(ZoneId zone) {
        SimpleModule districtTime = new SimpleModule("district-time").addSerializer(Instant.class,
                new JsonSerializer<>() {
                    @Override
                    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
                            throws IOException {
                        gen.writeString(local(value, zone));
                    }
                });
        SimpleModule streams = new SimpleModule("input-streams")
                .addSerializer(GridReport.class, new RecordSerializer<>(GridReport.class, zone))
                .addSerializer(LedgerEvent.class, new RecordSerializer<>(LedgerEvent.class, zone));
        // registered after the JavaTimeModule, so its Instant serializer wins
        mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(districtTime)
                .addModule(streams)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }

    /**
     * {@code 2026-11-20T09:30:00+08:00}: what the pattern {@link #LOCAL_WITH_OFFSET} gives, written digit by digit
     * for the years 0 to 9999, as a city's millions of times a day are written much faster so.
     */
    static String local(Instant t, ZoneId zone) {
        ZoneOffset offset = zone.getRules().getOffset(t);
        LocalDateTime local = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, offset);
        int year = local.getYear();
        if (year < 0 || year > 9999) {
            return LOCAL_WITH_OFFSET.format(t.atZone(zone));
        }
        char[] text = new char[25];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, local.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, local.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, local.getHour(), 2);
        text[13] = ':';
        digits(text, 14, local.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, local.getSecond(), 2);
        int seconds = offset.getTotalSeconds();
        if (seconds == 0) {
            return new String(text, 0, 19) + 'Z';
        }
        int minutes = Math.abs(seconds) / 60;
        text[19] = seconds < 0 ? '-' : '+';
        digits(text, 20, minutes / 60, 2);
        text[22] = ':';
        digits(text, 23, minutes % 60, 2);
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** One record as one line, without the line break. */
    public String write(Object value) throws IOException {
        return mapper.writeValueAsString(value);
    }

    /** Writes records as lines of UTF-8 through one generator and buffer, for a stream written by one thread. */
    public final class Lines {
        private final ByteArrayBuilder buffer = new ByteArrayBuilder();
        private final JsonGenerator generator;

        private Lines() throws IOException {
            generator = mapper.createGenerator(buffer);
            // one record per line, with nothing between them
            generator.setRootValueSeparator(null);
        }

        /** One record as one line of UTF-8, without the line break. */
        public byte[] write(Object value) throws IOException {
            mapper.writeValue(generator, value);
            byte[] line = buffer.toByteArray();
            buffer.reset();
            return line;
        }
    }

    public Lines lines() throws IOException {
        return new Lines();
    }

    public ObjectNode tree(String line) throws IOException {
        return (ObjectNode) mapper.readTree(line);
    }

    /** Pretty-printed with '\n' line breaks whatever the platform, so the same run gives the same bytes. */
    public void writePretty(Path file, Object value) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        String text = mapper.writer(printer).writeValueAsString(value) + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
