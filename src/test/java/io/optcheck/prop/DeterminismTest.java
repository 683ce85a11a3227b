package io.optcheck.prop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same seed, same tries and results; replay tokens reproduce exactly, or refuse clearly. */
class DeterminismTest {

    record Case(int n, double x, List<Integer> xs) {}

    static final Gen<Case> CASES = Gens.combine(
                    Gens.integers(0, 1000), Gens.doubles(-5, 5), Gens.lists(Gens.integers(0, 100), 0, 8))
            .as(Case::new);

    /** Fails when n + sum(xs) > 1200; records every value the body sees. */
    static Property<Case> property(List<Case> seen) {
        return Property.forAll("n plus sum small", CASES, (c, t) -> {
                    seen.add(c);
                    t.label(c.xs().isEmpty() ? "empty" : "non-empty");
                    t.target(c.n() + c.xs().stream().mapToInt(Integer::intValue).sum());
                    if (c.n() + c.xs().stream().mapToInt(Integer::intValue).sum() > 1200) {
                        throw new AssertionError("too big");
                    }
                })
                .tries(300);
    }

    @Test
    void sameSeedSameTriesAndResults() {
        List<Case> first = new ArrayList<>();
        List<Case> second = new ArrayList<>();
        PropertyResult<Case> a = property(first).seed(77).run();
        PropertyResult<Case> b = property(second).seed(77).run();
        assertThat(first).hasSizeGreaterThan(50).isEqualTo(second);
        assertThat(a.status()).isEqualTo(b.status());
        assertThat(a.failed())
                .as("the property should fail, so that shrinking is compared too")
                .isTrue();
        assertThat(a.shrunkValue()).isEqualTo(b.shrunkValue());
        assertThat(a.replayToken()).isEqualTo(b.replayToken());
        assertThat(a.statistics()).isEqualTo(b.statistics());
        assertThat(a.foundBy()).isEqualTo(b.foundBy());
        assertThat(a.tries()).isEqualTo(b.tries());
        assertThat(a.bestScore()).isEqualTo(b.bestScore());
    }

    @Test
    void passingRunsAreDeterministicToo() {
        List<Case> first = new ArrayList<>();
        List<Case> second = new ArrayList<>();
        PropertyResult<Case> a = Property.forAll("always", CASES, (c, t) -> first.add(c))
                .seed(5)
                .tries(200)
                .run();
        Property.forAll("always", CASES, (c, t) -> second.add(c))
                .seed(5)
                .tries(200)
                .run();
        assertThat(a.tries()).isEqualTo(200);
        // Duplicate edge cases run the body but do not count as tries, hence "at least".
        assertThat(first).hasSizeGreaterThanOrEqualTo(200).isEqualTo(second);
    }

    @Test
    void differentSeedDifferentTries() {
        List<Case> first = new ArrayList<>();
        List<Case> second = new ArrayList<>();
        Property.forAll("always", CASES, (c, t) -> first.add(c))
                .seed(5)
                .tries(200)
                .edgeCases(false)
                .run();
        Property.forAll("always", CASES, (c, t) -> second.add(c))
                .seed(6)
                .tries(200)
                .edgeCases(false)
                .run();
        assertThat(first).hasSize(200);
        assertThat(second).hasSize(200);
        long common = first.stream().filter(second::contains).count();
        assertThat(common).isLessThan(5);
    }

    @Test
    void tokenReplaysTheShrunkCase() {
        PropertyResult<Case> r = property(new ArrayList<>()).run();
        assertThat(r.failed()).isTrue();
        List<Case> seen = new ArrayList<>();
        PropertyResult<Case> replay = property(seen).seed(123).tries(1).replay(r.replayToken());
        assertThat(seen).containsExactly(r.shrunkValue());
        assertThat(replay.failed()).isTrue();
        assertThat(replay.foundBy()).isEqualTo(Phase.REPLAY);
        assertThat(replay.shrunkValue()).isEqualTo(r.shrunkValue());
        assertThat(replay.failure())
                .isInstanceOf(r.failure().getClass())
                .hasMessage(r.failure().getMessage());
        assertThat(replay.replayToken()).isEqualTo(r.replayToken());
    }

    @Test
    void tokenFromAChangedGeneratorIsRefusedClearly() {
        PropertyResult<Integer> r = Property.forAll("x < 700", Gens.integers(0, 1000), (x, t) -> {
                    if (x >= 700) {
                        throw new AssertionError();
                    }
                })
                .run();
        assertThat(r.shrunkValue()).isEqualTo(700);
        List<Integer> seen = new ArrayList<>();
        // Same shape, different range: the choice would be clamped to another case if replayed.
        Property<Integer> changed = Property.forAll("x < 700", Gens.integers(0, 500), (x, t) -> seen.add(x));
        assertThatThrownBy(() -> changed.replay(r.replayToken()))
                .isInstanceOf(ReplayToken.InvalidTokenException.class)
                .hasMessageContaining("replay token does not match property 'x < 700'")
                .hasMessageContaining("generator changed");
        // A generator that draws a different number of choices is refused the same way.
        Property<List<Integer>> longer =
                Property.forAll("x < 700", Gens.listsOfSize(Gens.integers(0, 1000), 2), (x, t) -> {});
        assertThatThrownBy(() -> longer.replay(r.replayToken()))
                .isInstanceOf(ReplayToken.InvalidTokenException.class)
                .hasMessageContaining("2 choices vs 1 in the token");
    }

    @Test
    void damagedTokensAreRefusedClearly() {
        PropertyResult<Case> r = property(new ArrayList<>()).run();
        String token = r.replayToken();
        Property<Case> p = property(new ArrayList<>());
        assertThatThrownBy(() -> p.replay(token.substring(0, token.length() - 3)))
                .isInstanceOf(ReplayToken.InvalidTokenException.class)
                .hasMessageContaining("is damaged")
                .hasMessageContaining("copy it whole");
        assertThatThrownBy(() -> p.replay(token + "AAAA"))
                .isInstanceOf(ReplayToken.InvalidTokenException.class)
                .hasMessageContaining("is damaged");
        assertThatThrownBy(() -> p.replay("oc1-###"))
                .isInstanceOf(ReplayToken.InvalidTokenException.class)
                .hasMessageContaining("is damaged");
        assertThatThrownBy(() -> p.replay("seed=42"))
                .isInstanceOf(ReplayToken.InvalidTokenException.class)
                .hasMessageContaining("not an optcheck replay token");
        assertThatThrownBy(() -> p.replay(null)).isInstanceOf(ReplayToken.InvalidTokenException.class);
    }

    @Test
    void tokenRoundTrips() {
        ReplayToken t = new ReplayToken(
                -12345L,
                new long[] {0, -1, Long.MAX_VALUE, Long.MIN_VALUE, Double.doubleToRawLongBits(Double.NaN), 42});
        assertThat(ReplayToken.decode(t.encode())).isEqualTo(t);
    }
}
