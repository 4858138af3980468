package org.gridwarden.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gridwarden.bench.BaselineResult;
import org.gridwarden.bench.ParseFloor;
import org.gridwarden.jobs.GeneratedDays;
import org.gridwarden.jobs.ReplayInput;
import org.gridwarden.rules.testing.Fixtures;
import org.gridwarden.testkit.generate.GenerationSummary;
import org.junit.jupiter.api.Test;

/** The parse floor goes through every line of the replay's input and decodes each as the job does. */
class ParseFloorTest {

    @Test
    void decodesEveryLine_intoEveryValidRecordAndADeadLetterPerBrokenLine() throws IOException {
        GeneratedDays.Input sixty = GeneratedDays.sixty();
        List<Path> files = inputFiles(sixty.dir());

        BaselineResult floor = ParseFloor.decode(files, Fixtures.reference(), Fixtures.ruleSet().ingest(), 1);

        GenerationSummary m = sixty.manifest();
        // duplicates are valid lines: dropping them is the rules' side of the job, not the codec's
        assertEquals(m.gridReports().records() + m.gridReports().duplicates() + m.ledgerEvents().records()
                + m.ledgerEvents().duplicates(), floor.count(ParseFloor.VALID));
        assertEquals(m.gridReports().malformedLines() + m.ledgerEvents().malformedLines(),
                floor.count(ParseFloor.DEAD_LETTERS));
        assertEquals(m.gridReports().lines() + m.ledgerEvents().lines(), floor.records());
        assertEquals(Files.size(files.get(0)) + Files.size(files.get(1)), floor.bytes());
        assertTrue(floor.seconds() > 0);
    }

    @Test
    void theTreeDecoding_countsTheSameRecordsAndDeadLetters() throws IOException {
        List<Path> files = inputFiles(GeneratedDays.sixty().dir());

        BaselineResult fast = ParseFloor.decode(files, Fixtures.reference(), Fixtures.ruleSet().ingest(), 1);
        BaselineResult tree = ParseFloor.decodeByTree(files, Fixtures.reference(), Fixtures.ruleSet().ingest(), 1);

        assertEquals(fast.counts(), tree.counts());
        assertEquals(fast.records(), tree.records());
        assertEquals("parse floor, tree decoding", tree.name());
    }

    @Test
    void aDayArchiveWithGzippedDays_decodesToTheSameCounts() throws IOException {
        List<Path> single = inputFiles(GeneratedDays.sixty().dir());
        List<Path> archive = inputFiles(GeneratedDays.sixtyArchive());
        assertEquals(120, archive.size(), "both streams of 60 days");

        BaselineResult fromSingle = ParseFloor.decode(single, Fixtures.reference(), Fixtures.ruleSet().ingest(), 1);
        BaselineResult fromArchive = ParseFloor.decode(archive, Fixtures.reference(), Fixtures.ruleSet().ingest(), 1);

        assertEquals(fromSingle.counts(), fromArchive.counts());
        assertEquals(fromSingle.records(), fromArchive.records());
    }

    @Test
    void theIoFloor_readsTheSameLinesWithoutDecoding() throws IOException {
        GeneratedDays.Input sixty = GeneratedDays.sixty();
        List<Path> files = inputFiles(sixty.dir());
        long characters = 0;
        for (Path f : files) {
            characters += Files.readAllLines(f).stream().mapToLong(String::length).sum();
        }

        BaselineResult io = ParseFloor.read(files, 2);

        assertEquals(sixty.manifest().gridReports().lines() + sixty.manifest().ledgerEvents().lines(), io.records());
        assertEquals(characters, io.count(ParseFloor.CHARACTERS));
    }

    /** The files a replay of {@code dir} reads, as the benchmark passes them. */
    static List<Path> inputFiles(Path dir) {
        ReplayInput input = ReplayInput.in(dir);
        List<Path> files = new ArrayList<>(input.gridReports());
        files.addAll(input.ledgerEvents());
        return files;
    }
}
