package io.optcheck.prop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Recursive and lazy generators, unbounded integers, wide combinations and default list sizes. */
class MoreGeneratorsTest {

    sealed interface Expr permits Lit, Add, Div {
        int eval();
    }

    record Lit(int v) implements Expr {
        public int eval() {
            return v;
        }
    }

    record Add(Expr a, Expr b) implements Expr {
        public int eval() {
            return a.eval() + b.eval();
        }
    }

    record Div(Expr a, Expr b) implements Expr {
        public int eval() {
            return a.eval() / b.eval();
        }
    }

    static final Gen<Expr> EXPRS = Gens.recursive(
            Gens.integers(-10, 10).map(Lit::new),
            child -> Gens.frequency(
                    Gens.weight(1, Gens.combine(child, child).as(Add::new)),
                    Gens.weight(1, Gens.combine(child, child).as(Div::new))),
            6);

    static int depth(Expr e) {
        if (e instanceof Add a) {
            return 1 + Math.max(depth(a.a()), depth(a.b()));
        }
        if (e instanceof Div d) {
            return 1 + Math.max(depth(d.a()), depth(d.b()));
        }
        return 0;
    }

    static boolean literalZeroDivisor(Expr e) {
        if (e instanceof Add a) {
            return literalZeroDivisor(a.a()) || literalZeroDivisor(a.b());
        }
        if (e instanceof Div d) {
            return d.b().equals(new Lit(0)) || literalZeroDivisor(d.a()) || literalZeroDivisor(d.b());
        }
        return false;
    }

    @Test
    void recursiveGeneratorsRespectTheirDepthAndProduceEveryShape() {
        int leaves = 0;
        int deep = 0;
        for (int i = 0; i < 2000; i++) {
            Expr e = Source.random(i).draw(EXPRS);
            int d = depth(e);
            assertThat(d).isBetween(0, 6);
            leaves += d == 0 ? 1 : 0;
            deep += d >= 3 ? 1 : 0;
        }
        // a leaf with probability 1/2 at the root; depth >= 3 needs three branchings in a row
        assertThat(leaves).isBetween(800, 1200);
        assertThat(deep).isGreaterThan(100);
    }

    @Test
    void aRecursiveExpressionShrinksToTheSmallestDivisionByZero() {
        PropertyResult<Expr> r = Property.forAll("no division by zero", EXPRS, (e, t) -> {
                    if (literalZeroDivisor(e)) {
                        t.reject("a literal zero divisor");
                    }
                    e.eval();
                })
                .run();
        assertThat(r.failed()).isTrue();
        assertThat(r.failure()).isInstanceOf(ArithmeticException.class);
        assertThat(r.shrunkValue()).isEqualTo(new Div(new Lit(0), new Add(new Lit(0), new Lit(0))));
    }

    static final class Tree {
        static final Gen<List<Object>> NODES = Gens.lazy(() -> Gens.lists(
                Gens.oneOfGens(Gens.integers(0, 9).map(Object.class::cast), Tree.NODES.map(Object.class::cast)), 0, 3));
    }

    @Test
    void lazyGeneratorsReferToThemselves() {
        int nested = 0;
        for (int i = 0; i < 300; i++) {
            Source s = Source.random(i);
            try {
                List<Object> t = s.draw(Tree.NODES);
                nested += t.stream().anyMatch(x -> x instanceof List) ? 1 : 0;
            } catch (Source.Overrun | StackOverflowError e) {
                // an unbounded self-reference may grow too large: the engine discards such a try
            }
        }
        assertThat(nested).isGreaterThan(50);
        assertThatThrownBy(() -> Source.random(1).draw(Gens.lazy(() -> null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("lazy");
    }

    @Test
    void bigIntegersGoBeyondLongAndShrinkToTheSmallestFailingValue() {
        int beyondLong = 0;
        int negative = 0;
        for (int i = 0; i < 2000; i++) {
            BigInteger v = Source.random(i).draw(Gens.bigIntegers());
            beyondLong += v.bitLength() > 63 ? 1 : 0;
            negative += v.signum() < 0 ? 1 : 0;
        }
        assertThat(beyondLong).as("a second limb with probability 1/4").isBetween(300, 700);
        assertThat(negative).isBetween(800, 1200);
        BigInteger limit = BigInteger.TWO.pow(100);
        PropertyResult<BigInteger> r = Property.forAll("x <= 2^100", Gens.bigIntegers(), (x, t) -> {
                    if (x.compareTo(limit) > 0) {
                        throw new AssertionError(x);
                    }
                })
                .run();
        assertThat(r.failed()).isTrue();
        assertThat(r.shrunkValue()).isEqualTo(limit.add(BigInteger.ONE));
    }

    record Six(int a, long b, double c, boolean d, String e, int f) {}

    @Test
    void combineTakesFiveSixOrAnyNumberOfGenerators() {
        Gen<Six> six = Gens.combine(
                        Gens.integers(0, 9),
                        Gens.longs(0, 9),
                        Gens.doubles(0, 1),
                        Gens.booleans(),
                        Gens.oneOf("x", "y"),
                        Gens.integers(0, 9))
                .as(Six::new);
        PropertyResult<Six> r = Property.forAll("f < 9", six, (s, t) -> {
                    if (s.f() >= 9) {
                        throw new AssertionError();
                    }
                })
                .run();
        assertThat(r.shrunkValue()).isEqualTo(new Six(0, 0, 0.0, false, "x", 9));
        Gen<Integer> five = Gens.combine(
                        Gens.integers(0, 9),
                        Gens.integers(0, 9),
                        Gens.integers(0, 9),
                        Gens.integers(0, 9),
                        Gens.integers(0, 9))
                .as((a, b, c, d, e) -> a + b + c + d + e);
        assertThat(Source.random(3).draw(five)).isBetween(0, 45);
        List<Gen<Integer>> many = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            many.add(Gens.integers(i, i));
        }
        assertThat(Source.random(3).draw(Gens.combineAll(many))).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    }

    @Test
    void listsHaveADefaultSize() {
        int total = 0;
        for (int i = 0; i < 1000; i++) {
            List<Integer> xs = Source.random(i).draw(Gens.lists(Gens.integers(0, 9)));
            assertThat(xs.size()).isBetween(0, 100);
            total += xs.size();
        }
        // lists(e) is lists(e, 0, 100): about 20 elements on average (geometric, p = 20/21)
        assertThat(total / 1000.0).isBetween(15.0, 25.0);
    }
}
