package com.tagline.station.simulate.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of a campaign (issue 12) and every invariant it found broken.
 *
 * @param kills           SIGKILLs delivered
 * @param lives           times {@code station run} was started (kills, unasked exits and the final clean life)
 * @param chips           chips put on the antenna at least once
 * @param configured      chips in the good bin (they ship)
 * @param scrapped        chips in the scrap bin (failed, or scrapped by the operator)
 * @param complete        chips complete on the chip side (their SUN message verifies with their own keys)
 * @param pulls           times the operator pulled a chip off the antenna while the station worked on it or was down
 * @param lost            chips complete on the chip side that did not ship with their tag configured, plus outcomes
 *                        of the store the platform never applied
 * @param tagsOnTwoChips  tags carried by two chips of the good bin
 * @param chipsOnTwoTags  chips the platform binds to two tags
 * @param duplicates      reports the platform applied more than once (re-sends it answered {@code duplicate} are fine)
 * @param duplicateAnswers re-sends the platform recognised and answered {@code duplicate}
 * @param hangs           waits that ran past their bound (start-up, a chip, a scrap answer, the drain, the stop)
 * @param stationErrors   ERROR lines of the station
 * @param worldErrors     ERROR lines of the campaign's own process: the emulators and the chips
 * @param killMoments     what each kill cut at the antenna: start-up, a chip placed but not yet seen, the chip
 *                        command in progress, between two commands, no chip at work
 * @param killsMidSync    kills while configured chips had not yet reached the platform
 * @param violations      every broken invariant, one line each
 * @param worldErrorLines the first 20 ERROR lines of the world
 * @param exits           lives that ended without being killed or stopped
 * @param seconds         how long the campaign took
 */
public record CampaignResult(int kills, int lives, int chips, int configured, int scrapped, int complete, int pulls,
                             int lost,
                             int tagsOnTwoChips, int chipsOnTwoTags, int duplicates, long duplicateAnswers, int hangs,
                             int stationErrors, int worldErrors, Map<String, Integer> killMoments, int killsMidSync,
                             List<String> violations, List<String> hangList, List<String> errorLines,
                             List<String> worldErrorLines, List<String> exits, long seconds) {
    public CampaignResult {
        killMoments = Map.copyOf(killMoments);
        violations = List.copyOf(violations);
        hangList = List.copyOf(hangList);
        errorLines = List.copyOf(errorLines);
        worldErrorLines = List.copyOf(worldErrorLines);
        exits = List.copyOf(exits);
    }

    /**
     * No invariant broken, nothing hung, no life ended on its own, and no ERROR line from the station or the world
     * (an error is a defect to look at even when every chip came out right).
     */
    public boolean clean() {
        return violations.isEmpty() && hangs == 0 && exits.isEmpty() && stationErrors == 0 && worldErrors == 0;
    }

    /** The figures as text, one per line, then every violation. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("kills %d, lives %d, %d s%n", kills, lives, seconds));
        sb.append(String.format("chips %d: configured %d, scrapped %d, complete on the chip side %d; pulled %d times%n",
                chips, configured, scrapped, complete, pulls));
        sb.append(String.format("lost %d, tags on two chips %d, chips on two tags %d, duplicates %d (re-sends answered"
                + " duplicate: %d), hangs %d, station errors %d, world errors %d%n", lost, tagsOnTwoChips, chipsOnTwoTags,
                duplicates, duplicateAnswers, hangs, stationErrors, worldErrors));
        sb.append("kill moments: ").append(new TreeMap<>(killMoments)).append("; ").append(killsMidSync)
                .append(" with outcomes on their way to the platform").append(System.lineSeparator());
        violations.forEach(v -> sb.append("VIOLATION ").append(v).append(System.lineSeparator()));
        hangList.forEach(h -> sb.append("HANG ").append(h).append(System.lineSeparator()));
        exits.forEach(e -> sb.append("EXIT ").append(e).append(System.lineSeparator()));
        errorLines.forEach(e -> sb.append("STATION ERROR ").append(e).append(System.lineSeparator()));
        worldErrorLines.forEach(e -> sb.append("WORLD ERROR ").append(e).append(System.lineSeparator()));
        sb.append(clean() ? "clean: no chip shipped wrong" : "NOT CLEAN").append(System.lineSeparator());
        return sb.toString();
    }

    /** The figures as one JSON object. */
    public String json() {
        ObjectMapper m = new ObjectMapper();
        ObjectNode o = m.createObjectNode();
        o.put("kills", kills).put("lives", lives).put("chips", chips).put("configured", configured)
                .put("scrapped", scrapped).put("complete", complete).put("pulls", pulls).put("lost", lost).put("tags_on_two_chips", tagsOnTwoChips)
                .put("chips_on_two_tags", chipsOnTwoTags).put("duplicates", duplicates)
                .put("duplicate_answers", duplicateAnswers).put("hangs", hangs).put("station_errors", stationErrors)
                .put("world_errors", worldErrors)
                .put("kills_mid_sync", killsMidSync).put("seconds", seconds).put("clean", clean());
        o.set("kill_moments", m.valueToTree(new TreeMap<>(killMoments)));
        o.set("violations", m.valueToTree(violations));
        o.set("hang_list", m.valueToTree(hangList));
        o.set("exits", m.valueToTree(exits));
        o.set("station_error_lines", m.valueToTree(errorLines));
        o.set("world_error_lines", m.valueToTree(worldErrorLines));
        return o.toString();
    }
}
