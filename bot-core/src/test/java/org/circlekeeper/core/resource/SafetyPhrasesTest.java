package org.circlekeeper.core.resource;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped phrase lists against a table of messages. False positives are worse than silence in
 * a support group, so the "must not match" column is as important as the other: idioms, jokes,
 * the past, other people, and everyday uses of the same words.
 */
class SafetyPhrasesTest {

    private final SafetyPhrases phrases = SafetyPhrases.shipped();

    @ParameterizedTest
    @ValueSource(strings = {
        "I want to kill myself",
        "i'm going to kill myself tonight",
        "I’m going to kill myself",
        "IM GONNA KILL MYSELF",
        "I've been thinking about killing myself",
        "honestly I just want to die",
        "I want to die",
        "I wanna die",
        "I just want to end it all",
        "I'm going to end my life",
        "I have a plan to end my life",
        "I don't want to live anymore",
        "i dont want to be alive anymore",
        "I don't want to be here anymore",
        "I wish I was dead",
        "sometimes I wish I were dead",
        "I'd be better off dead",
        "everyone would be better off without me",
        "I'm feeling suicidal",
        "I feel suicidal again",
        "I've been having suicidal thoughts",
        "I'm thinking about suicide",
        "I'm considering ending my life",
        "I've taken too many pills",
        "I want to hurt myself",
        "||i want to die||",
        "> I don't want to be alive anymore",
        ">>> i want to kill myself",
        "ok so.\nI want to die.",
        "*I want to die*"
    })
    void englishPhrasesOfAcuteRiskMatch(String message) {
        assertThat(phrases.matches(message)).as(message).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "me quiero morir",
        "Me quiero morir.",
        "Quiero morirme",
        "QUIERO MORIRME",
        "ya no quiero vivir",
        "no quiero seguir viviendo",
        "ya no quiero despertar más",
        "quiero suicidarme",
        "estoy pensando en suicidarme",
        "me voy a matar",
        "voy a quitarme la vida",
        "quiero acabar con mi vida",
        "quiero acabar con todo",
        "ojalá estuviera muerta",
        "todos estarían mejor sin mí",
        "no tengo razones para vivir",
        "ya no le encuentro sentido para seguir",
        "tengo pensamientos suicidas",
        "me siento suicida",
        "me he tomado todas las pastillas",
        "quiero hacerme daño",
        "||me quiero morir||",
        "> ya no quiero vivir"
    })
    void spanishPhrasesOfAcuteRiskMatch(String message) {
        assertThat(phrases.matches(message)).as(message).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "this traffic is killing me",
        "I could kill for a coffee",
        "this song slaps",
        "dead tired after the night shift",
        "I'm dying to see that film",
        "that joke killed me",
        "my feet are killing me",
        "I nearly died laughing",
        "I want to die of embarrassment",
        "lol I'm dead",
        "kill the process and restart the server",
        "I'm going to kill it at the interview",
        "I'll kill him if he's late again",
        "I'm killing myself laughing",
        "I was suicidal years ago, and this group helped me",
        "the book is about suicide prevention",
        "I think about suicide prevention a lot in my job",
        "my friend says she wants to kill herself",
        "the film is about a man who wants to end his life",
        "I don't want to live in this city anymore",
        "I don't want to live with my parents",
        "I'm gonna hurt myself if I lift that box",
        "the team would be better off without me",
        "I don't want to die",
        "don't kill yourself over the homework",
        "I would die for a pizza right now",
        "I'm not suicidal, just tired",
        "I'm not going to kill myself, don't worry"
    })
    void everydayEnglishDoesNotMatch(String message) {
        assertThat(phrases.matches(message)).as(message).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "me muero de risa",
        "me muero de hambre",
        "me muero por verte",
        "me quiero morir de la vergüenza",
        "este calor me mata",
        "el tráfico me está matando",
        "me voy a matar estudiando para el examen",
        "me mato a trabajar todos los días",
        "voy a matarme a estudiar este finde",
        "casi me muero del susto",
        "siento que me voy a morir cuando me da un ataque de pánico",
        "la película trata de alguien que quiere suicidarse",
        "no quiero vivir en esta ciudad",
        "no quiero vivir así, voy a cambiar de trabajo",
        "voy a cortarme el pelo",
        "quiero acabar con todo el trabajo hoy",
        "el equipo estaría mejor sin mí",
        "hace años tuve ideas suicidas y este grupo me ayudó",
        "no quiero morir",
        "no me quiero morir, solo estoy cansada",
        "no me voy a matar, tranquila",
        "no quiero suicidarme, pero lo estoy pasando mal",
        "nunca quiero hacerme daño"
    })
    void everydaySpanishDoesNotMatch(String message) {
        assertThat(phrases.matches(message)).as(message).isFalse();
    }

    @Test
    void spoilersQuotesAndEmphasisAreReadAsPlainText() {
        assertThat(SafetyPhrases.normalise("> ||Me QUIERO   morir||\n>> *ya*")).isEqualTo("me quiero morir ya");
        assertThat(SafetyPhrases.normalise("I’m `fine`")).isEqualTo("i'm fine");
    }

    @Test
    void emptyAndHugeMessagesAreSafeToCheck() {
        assertThat(phrases.matches("")).isFalse();
        assertThat(phrases.matches(null)).isFalse();
        String huge = "la ".repeat(50_000) + "me quiero morir";
        assertThat(phrases.matches(huge)).as("only the first part of a huge paste is read").isFalse();
    }
}
