package io.seglift.demo;

import java.util.SplittableRandom;

/**
 * Synthetic names, addresses and contact details. Emails use the reserved {@code example.*} domains and phone numbers
 * the fictional 555-01xx range, so nothing generated can reach a real person.
 */
final class Identities {
    private static final String[] FIRST = {"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael",
            "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas",
            "Sarah", "Carlos", "Karen", "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Sofia", "Mark", "Ashley",
            "Wei", "Emily", "Ahmed", "Olivia", "Kenji", "Priya", "Lucas", "Emma", "Noah", "Ava", "Mateo", "Mia"};
    private static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
            "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas",
            "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark",
            "Nguyen", "Patel", "Kim", "Chen", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill"};
    private static final String[][] PLACES = {
            {"New York", "NY", "100", "US", "212"}, {"Los Angeles", "CA", "900", "US", "213"},
            {"Chicago", "IL", "606", "US", "312"}, {"Houston", "TX", "770", "US", "713"},
            {"Phoenix", "AZ", "850", "US", "602"}, {"Philadelphia", "PA", "191", "US", "215"},
            {"San Antonio", "TX", "782", "US", "210"}, {"San Diego", "CA", "921", "US", "619"},
            {"Dallas", "TX", "752", "US", "214"}, {"Austin", "TX", "787", "US", "512"},
            {"Seattle", "WA", "981", "US", "206"}, {"Denver", "CO", "802", "US", "303"},
            {"Boston", "MA", "021", "US", "617"}, {"Atlanta", "GA", "303", "US", "404"},
            {"Miami", "FL", "331", "US", "305"}, {"Portland", "OR", "972", "US", "503"},
            {"Minneapolis", "MN", "554", "US", "612"}, {"Nashville", "TN", "372", "US", "615"},
            {"Toronto", "ON", "M5V", "CA", "416"}, {"Vancouver", "BC", "V6B", "CA", "604"}};
    private static final String[] DOMAINS = {"example.com", "example.net", "example.org"};

    private Identities() {
    }

    static String firstName(SplittableRandom rnd) {
        return FIRST[rnd.nextInt(FIRST.length)];
    }

    static String lastName(SplittableRandom rnd) {
        return LAST[rnd.nextInt(LAST.length)];
    }

    /** City, state, zip prefix, country and area code of a place. */
    static String[] place(SplittableRandom rnd) {
        return PLACES[rnd.nextInt(PLACES.length)];
    }

    static String zip(SplittableRandom rnd, String[] place) {
        return "US".equals(place[3]) ? place[2] + String.format(java.util.Locale.ROOT, "%02d", rnd.nextInt(100))
                : place[2] + " " + (1 + rnd.nextInt(9)) + "A" + (1 + rnd.nextInt(9));
    }

    static String email(String first, String last, long index, SplittableRandom rnd) {
        return first.toLowerCase(java.util.Locale.ROOT) + "." + last.toLowerCase(java.util.Locale.ROOT) + index + "@" + DOMAINS[rnd.nextInt(DOMAINS.length)];
    }

    /** A malformed email of the kinds real exports contain: no @, no top-level domain, or a space. */
    static String malformedEmail(String first, String last, long index, SplittableRandom rnd) {
        String local = first.toLowerCase(java.util.Locale.ROOT) + "." + last.toLowerCase(java.util.Locale.ROOT) + index;
        return switch (rnd.nextInt(3)) {
            case 0 -> local + "example.com";
            case 1 -> local + "@example";
            default -> first.toLowerCase(java.util.Locale.ROOT) + " " + last.toLowerCase(java.util.Locale.ROOT) + index + "@example.com";
        };
    }

    static String phone(String[] place, SplittableRandom rnd) {
        return "+1 " + place[4] + " 555 01" + String.format(java.util.Locale.ROOT, "%02d", rnd.nextInt(100));
    }
}
