package org.circlekeeper.core.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The country rule of search at its cause: which countries a search names, and which entries a scope admits. */
class CountryRuleTest {

    private final CountryMentions mentions = new CountryMentions();

    @Test
    void countriesAreNamedByTheirEnglishOrSpanishNameWithOrWithoutAccents() {
        assertThat(mentions.in("anxiety Japan")).containsExactly("JP");
        assertThat(mentions.in("ansiedad Japón")).containsExactly("JP");
        assertThat(mentions.in("ansiedad japon")).containsExactly("JP");
        assertThat(mentions.in("helpline south africa")).containsExactly("ZA");
        assertThat(mentions.in("línea Sudáfrica")).containsExactly("ZA");
        assertThat(mentions.in("crisis United States")).containsExactly("US");
        assertThat(mentions.in("crisis Estados Unidos")).containsExactly("US");
        assertThat(mentions.in("Reino Unido o Irlanda")).containsExactly("GB", "IE");
        assertThat(mentions.in("helpline UK")).containsExactly("GB");
        assertThat(mentions.in("línea EEUU")).containsExactly("US");
    }

    @Test
    void aCodeCountsOnlyInCapitals() {
        assertThat(mentions.in("anxiety JP")).containsExactly("JP");
        assertThat(mentions.in("ES")).containsExactly("ES");
        assertThat(mentions.in("helpline ZA")).containsExactly("ZA");
        assertThat(mentions.in("help in a crisis")).as("'in' is a word, not India").isEmpty();
        assertThat(mentions.in("no es fácil, de verdad")).as("'no', 'es', 'de' are words, not Norway, Spain, Germany").isEmpty();
        assertThat(mentions.in("I AM SO SAD")).as("a search typed all in capitals has words, not codes").isEmpty();
        assertThat(mentions.withoutCodes("anxiety JP")).isEqualTo("anxiety");
        assertThat(mentions.withoutCodes("anxiety japan")).isEqualTo("anxiety japan");
        assertThat(mentions.in("sleep")).isEmpty();
        assertThat(mentions.in("")).isEmpty();
    }

    @Test
    void entriesForAnywhereAreAlwaysAdmitted() {
        Resource technique = entry("box-breathing", List.of());
        assertThat(new CountryScope(Optional.empty(), Set.of()).admits(technique)).isTrue();
        assertThat(new CountryScope(Optional.of("ES"), Set.of()).admits(technique)).isTrue();
        assertThat(new CountryScope(Optional.of("JP"), Set.of("ZA")).admits(technique)).isTrue();
    }

    @Test
    void anEntryOfACountryIsAdmittedOnlyForItsMembersOrWhenTheSearchNamesIt() {
        Resource sadag = entry("za-sadag", List.of("ZA"));
        assertThat(new CountryScope(Optional.of("ES"), Set.of()).admits(sadag)).isFalse();
        assertThat(new CountryScope(Optional.of("JP"), Set.of()).admits(sadag)).isFalse();
        assertThat(new CountryScope(Optional.empty(), Set.of()).admits(sadag)).as("no country set, none named").isFalse();
        assertThat(new CountryScope(Optional.of("za"), Set.of()).admits(sadag)).as("the member's own, any case").isTrue();
        assertThat(new CountryScope(Optional.of("ES"), Set.of("ZA")).admits(sadag)).as("named in the search").isTrue();
        assertThat(new CountryScope(Optional.of("ES"), Set.of("ZA")).countries()).containsExactly("ES", "ZA");

        Resource twoCountries = entry("two-countries", List.of("GB", "IE"));
        assertThat(new CountryScope(Optional.of("IE"), Set.of()).admits(twoCountries)).isTrue();
        assertThat(new CountryScope(Optional.of("US"), Set.of()).admits(twoCountries)).isFalse();
    }

    @Test
    void theCanonicalQueryKeepsTheNamedCountriesForTheNextPage() {
        SearchQuery query = new SearchQuery(ResourceKind.HELPLINE, List.of("anxiety", "japan"), Set.of("JP"));
        assertThat(query.canonical()).isEqualTo("helpline JP anxiety japan");
        assertThat(new SearchQuery(null, List.of(), Set.of("ZA")).isEmpty()).as("a country alone is a search").isFalse();
        SearchQuery crowded = new SearchQuery(null, List.of("x".repeat(60)), Set.of("AR", "BR", "CL", "CO", "ES", "MX", "PE", "UY", "VE",
                "EC", "BO", "PY", "CR", "PA", "GT", "HN", "SV", "NI", "DO", "CU")).fitted();
        assertThat(crowded.canonical().length()).isLessThanOrEqualTo(SearchQuery.MAX_CANONICAL_BYTES);
        assertThat(crowded.terms()).isEmpty();
    }

    private static Resource entry(String id, List<String> countries) {
        return new Resource(id, ResourceKind.HELPLINE, Map.of("en", new ResourceText("A title", "A summary that is long enough.", "", List.of("tag"))),
                countries, null, "123", null, LocalDate.of(2026, 11, 27), "a test", Resource.Origin.SHIPPED);
    }
}
