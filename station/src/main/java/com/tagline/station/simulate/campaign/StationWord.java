package com.tagline.station.simulate.campaign;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an operator at the bench reads in one line of {@code station run}'s output (its logfmt log and its
 * answers on the console): the chip lines, the chips it waits for, the answers to {@code scrap}.
 *
 * @param kind    what the line says
 * @param uids    the chips it names (upper-case hex), in order
 * @param outcome a chip line's outcome code ({@code configured}, {@code tag_lost}, ...), else null
 */
record StationWord(Kind kind, List<String> uids, String outcome) {
    enum Kind {
        /** {@code run: station ... running}: start-up (with crash recovery) is over. */
        RUNNING,
        /** {@code event=chip}: one chip's outcome. */
        CHIP,
        /** {@code event=chip_awaited}, or the {@code CHIP_AWAITED} alarm naming chips: the station holds their tags. */
        AWAITED,
        /** {@code event=tag_released}: the chip's tag went back (gate, scrap). */
        RELEASED,
        /** The answer to {@code scrap UID}. */
        SCRAP_ANSWER,
        /** {@code event=waiting}: the chip waits on the antenna for a lease. */
        WAITING,
        /** An ERROR line of the station. */
        ERROR
    }

    private static final Pattern PAIR = Pattern.compile("(?:^| )(uid|outcome|event|alarm|level)=([^\\s\"]+)");
    private static final Pattern ALARM_CHIP = Pattern.compile("chip ([0-9A-F]{8,20}) \\(tag ");
    private static final Pattern HOLDS_NO_TAG = Pattern.compile("^scrap: chip ([0-9A-Fa-f]+) holds no tag");

    static Optional<StationWord> parse(String line) {
        if (line.startsWith("run: station ") && line.contains(" running")) {
            return word(Kind.RUNNING, List.of(), null);
        }
        if (line.startsWith("scrap: ")) {
            Matcher m = HOLDS_NO_TAG.matcher(line);
            return word(Kind.SCRAP_ANSWER, m.find() ? List.of(m.group(1).toUpperCase(java.util.Locale.ROOT)) : List.of(),
                    null);
        }
        String event = value(line, "event");
        String uid = value(line, "uid");
        List<String> uids = uid == null ? List.of() : List.of(uid);
        if ("ERROR".equals(value(line, "level"))) {
            return word(Kind.ERROR, uids, null);
        }
        if (event == null) {
            return Optional.empty();
        }
        return switch (event) {
            case "chip" -> word(Kind.CHIP, uids, value(line, "outcome"));
            case "chip_awaited" -> word(Kind.AWAITED, uids, null);
            case "tag_released" -> word(Kind.RELEASED, uids, null);
            case "waiting" -> word(Kind.WAITING, uids, null);
            case "alarm" -> "CHIP_AWAITED".equals(value(line, "alarm")) ? word(Kind.AWAITED, alarmChips(line), null)
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static List<String> alarmChips(String line) {
        Matcher m = ALARM_CHIP.matcher(line);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String value(String line, String key) {
        Matcher m = PAIR.matcher(line);
        while (m.find()) {
            if (m.group(1).equals(key)) {
                return m.group(2);
            }
        }
        return null;
    }

    private static Optional<StationWord> word(Kind kind, List<String> uids, String outcome) {
        return Optional.of(new StationWord(kind, uids, outcome));
    }
}
