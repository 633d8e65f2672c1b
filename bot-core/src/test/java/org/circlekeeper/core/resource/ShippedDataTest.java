package org.circlekeeper.core.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.circlekeeper.core.message.Button;
import org.junit.jupiter.api.Test;

/** The curated data as shipped: complete, dated, and small enough for buttons. */
class ShippedDataTest {

    private final CrisisLines crisis = CrisisLines.shipped();
    private final ResourceCatalog catalog = ResourceCatalog.shipped();

    @Test
    void everyCrisisLineHasACountryAWayToReachItAndALastVerifiedDate() {
        assertThat(crisis.all()).isNotEmpty();
        for (CrisisLine line : crisis.all()) {
            assertThat(line.isInternational() || Set.of(Locale.getISOCountries()).contains(line.country()))
                    .as("%s has a country (or is international)", line.id()).isTrue();
            assertThat(line.phone() != null || line.sms() != null || line.link() != null)
                    .as("%s has a phone number, a text number or a link", line.id()).isTrue();
            assertThat(line.languages()).as("%s says which languages it answers in", line.id()).isNotEmpty();
            assertThat(line.verified()).as("%s has a last-verified date", line.id()).isNotNull()
                    .isAfter(LocalDate.of(2024, 1, 1)).isBeforeOrEqualTo(crisis.listedAsOf());
            assertThat(line.source()).as("%s says where it was listed", line.id()).isNotBlank();
            assertThat(line.about(Locale.ENGLISH)).as("%s in English", line.id()).isNotBlank();
            assertThat(line.about(Locale.forLanguageTag("es"))).as("%s in Spanish", line.id()).isNotBlank()
                    .isNotEqualTo(line.about(Locale.ENGLISH));
        }
    }

    @Test
    void atLeastFortyCountriesHaveCrisisLinesEachWithAnEmergencyNumber() {
        assertThat(crisis.countries()).hasSizeGreaterThanOrEqualTo(40)
                .contains("US", "GB", "IE", "ES", "MX", "AR", "CO", "CL", "CA", "AU", "NZ", "DE", "FR", "IT", "NL", "BR", "IN",
                        "JP", "KR", "UY", "PH");
        for (String country : crisis.countries()) {
            CrisisLookup lookup = crisis.forCountry(Optional.of(country), Locale.ENGLISH);
            assertThat(lookup.hasLines()).as(country).isTrue();
            assertThat(lookup.emergency()).as("emergency number of %s", country).hasValueSatisfying(n -> assertThat(n).matches("[0-9 /]+"));
        }
    }

    @Test
    void theWellKnownNumbersAreThereAsListed() {
        assertThat(phones("US")).contains("988");
        assertThat(phones("GB")).contains("116 123");
        assertThat(phones("IE")).contains("116 123");
        assertThat(phones("ES")).contains("024");
        assertThat(phones("MX")).contains("800 911 2000");
        assertThat(phones("CA")).contains("988");
        assertThat(phones("AU")).contains("13 11 14");
        assertThat(phones("NZ")).contains("1737");
        assertThat(phones("DE")).contains("0800 111 0 111");
        assertThat(phones("FR")).contains("3114");
        assertThat(phones("NL")).contains("113");
        assertThat(phones("BR")).contains("188");
        assertThat(phones("JP")).contains("03-5774-0992", "0120-279-338");
        assertThat(phones("KR")).contains("109");
        assertThat(phones("UY")).contains("0800 0767");
        assertThat(phones("PH")).contains("1553");
        assertThat(crisis.forCountry(Optional.of("es"), Locale.ENGLISH).emergency()).contains("112");
        assertThat(crisis.forCountry(Optional.of("US"), Locale.ENGLISH).emergency()).contains("911");
    }

    @Test
    void everyIsoCountryHasAnEmergencyNumberWithASourceAndADate() {
        EmergencyNumbers numbers = crisis.emergencyNumbers();
        Set<String> noNetwork = new HashSet<>();
        for (String country : Locale.getISOCountries()) {
            EmergencyNumber entry = numbers.forCountry(country).orElseThrow(() -> new AssertionError("no emergency entry for " + country));
            assertThat(entry.sources()).as("source of %s", country).isNotEmpty().allSatisfy(s -> assertThat(s).isNotBlank());
            assertThat(entry.verified()).as("verified date of %s", country).isAfter(LocalDate.of(2026, 1, 1))
                    .isBeforeOrEqualTo(numbers.listedAsOf());
            if (entry.check() == EmergencyNumber.Check.NO_NETWORK) {
                noNetwork.add(country);
                assertThat(entry.note()).as("why %s has no number", country).isNotBlank();
            } else {
                assertThat(entry.first()).as("emergency number of %s", country).hasValueSatisfying(n -> assertThat(n).matches("[0-9]+( / [0-9]+)*"));
            }
            if (entry.check() == EmergencyNumber.Check.GSM_112) {
                assertThat(entry.first()).as("%s falls back to 112 only", country).contains("112");
                assertThat(entry.mobileOnly()).isTrue();
            }
        }
        assertThat(numbers.all()).hasSize(Locale.getISOCountries().length);
        assertThat(noNetwork).as("only places with no one living there and no public network go without a number")
                .containsExactlyInAnyOrder("AQ", "BV", "GS", "HM", "TF", "UM");
    }

    @Test
    void theEmergencyNumbersPeopleKnowAreThere() {
        EmergencyNumbers numbers = crisis.emergencyNumbers();
        assertThat(numbers.forCountry("JP")).hasValueSatisfying(jp -> {
            assertThat(jp.first()).contains("119");
            assertThat(jp.separatePolice()).contains("110");
        });
        assertThat(numbers.forCountry("es").flatMap(EmergencyNumber::first)).contains("112");
        assertThat(numbers.forCountry("US").flatMap(EmergencyNumber::first)).contains("911");
        assertThat(numbers.forCountry("GB").flatMap(EmergencyNumber::first)).contains("999");
        assertThat(numbers.forCountry("AU").flatMap(EmergencyNumber::first)).contains("000");
        assertThat(numbers.forCountry("NZ").flatMap(EmergencyNumber::first)).contains("111");
        assertThat(numbers.forCountry("DE")).hasValueSatisfying(de -> assertThat(de.separatePolice()).contains("110"));
        assertThat(numbers.forCountry("FR").flatMap(EmergencyNumber::separatePolice)).as("one number for all").isEmpty();
        assertThat(numbers.forCountry("XX")).isEmpty();
    }

    @Test
    void everyCrisisLineWithANumberCanBeReportedAndNoFallbackLineIs() {
        for (String country : crisis.countries()) {
            CrisisLookup lookup = crisis.forCountry(Optional.of(country), Locale.ENGLISH);
            assertThat(lookup.reportable()).as(country).isNotEmpty().allMatch(l -> l.phone() != null || l.sms() != null);
        }
        assertThat(crisis.forCountry(Optional.of("AQ"), Locale.ENGLISH).reportable()).isEmpty();
        assertThat(crisis.forCountry(Optional.empty(), Locale.ENGLISH).reportable()).isEmpty();
    }

    @Test
    void theInternationalFallbackIsAlwaysThere() {
        assertThat(crisis.fallback()).extracting(CrisisLine::link).contains("https://findahelpline.com", "https://befrienders.org");
        assertThat(crisis.forCountry(Optional.empty(), Locale.ENGLISH).fallback()).isNotEmpty();
        assertThat(crisis.forCountry(Optional.of("JP"), Locale.ENGLISH).fallback()).isNotEmpty();
    }

    @Test
    void everyCatalogEntryIsCompleteAndDated() {
        Set<String> ids = new HashSet<>();
        for (Resource entry : catalog.entries()) {
            assertThat(ids.add(entry.id())).as("id %s is unique", entry.id()).isTrue();
            assertThat(entry.verified()).as(entry.id()).isNotNull();
            assertThat(entry.source()).as("source of %s", entry.id()).isNotBlank();
            for (ResourceText text : entry.texts().values()) {
                assertThat(text.title()).as(entry.id()).isNotBlank();
                assertThat(text.summary()).as(entry.id()).isNotBlank();
                assertThat(text.tags()).as("tags of %s", entry.id()).isNotEmpty();
            }
        }
    }

    @Test
    void theTechniquesWrittenForTheProjectAreInEnglishAndSpanish() {
        List<Resource> written = catalog.entries().stream().filter(r -> r.source().equals("Written for circlekeeper")).toList();
        assertThat(written).hasSizeGreaterThanOrEqualTo(8)
                .extracting(Resource::id).contains("grounding-5-4-3-2-1", "box-breathing", "reaching-out");
        written.forEach(r -> assertThat(r.texts().keySet()).as(r.id()).containsExactlyInAnyOrder("en", "es"));
    }

    @Test
    void everyCrisisLineIsAlsoInTheCatalogOnce() {
        for (CrisisLine line : crisis.all()) {
            assertThat(catalog.entry(line.id())).as(line.id()).hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(ResourceKind.CRISIS_LINE));
        }
    }

    @Test
    void everyIdFitsInAButton() {
        for (Resource entry : catalog.entries()) {
            assertThat(("resource.open:" + entry.id()).getBytes(StandardCharsets.UTF_8).length)
                    .as(entry.id()).isLessThanOrEqualTo(Button.MAX_ACTION_BYTES);
            assertThat(("crisis.report:" + entry.id()).getBytes(StandardCharsets.UTF_8).length)
                    .as(entry.id()).isLessThanOrEqualTo(Button.MAX_ACTION_BYTES);
        }
        assertThat(("resource.more:99:".length() + SearchQuery.MAX_CANONICAL_BYTES)).isLessThanOrEqualTo(Button.MAX_ACTION_BYTES);
    }

    @Test
    void everySafetyListLoads() {
        assertThat(SafetyPhrases.load()).isNotNull();
        assertThat(WordForms.load().languages()).contains("en", "es");
    }

    private List<String> phones(String country) {
        return crisis.forCountry(Optional.of(country), Locale.ENGLISH).lines().stream().map(CrisisLine::phone).toList();
    }

    @Test
    void everyShippedSourceIsWrittenInAFormEachLanguageCanSay() {
        for (Resource entry : ResourceCatalog.shipped().entries()) {
            if (entry.kind() != ResourceKind.CRISIS_LINE) {
                Assertions.assertThat(SourceNote.of(entry.source()))
                        .as("source of %s: \"%s\" (write it as \"<name> website\", \"<name>, publication page\","
                                + " \"The publishers' catalogues\" or \"Written for circlekeeper\")", entry.id(), entry.source())
                        .isPresent();
            }
        }
        Assertions.assertThat(SourceNote.of("NHS website").orElseThrow().values()).containsExactly("name", "NHS");
        Assertions.assertThat(SourceNote.of("a friend told me")).isEmpty();
    }
}
