package io.optcheck.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ShardPlanTest {

    @Test
    void everyItemGoesToExactlyOneShardAndTheLongestShardIsWithinGrahamsBound() {
        SplittableRandom rnd = new SplittableRandom(18);
        for (int round = 0; round < 200; round++) {
            int n = 1 + rnd.nextInt(6);
            List<ShardPlan.Item> items = new ArrayList<>();
            int m = rnd.nextInt(60);
            for (int i = 0; i < m; i++) {
                // heavy-tailed costs, as measured: most regimes take milliseconds, a few a minute
                items.add(new ShardPlan.Item("t" + i, Math.exp(rnd.nextDouble() * 12)));
            }
            int[] a = ShardPlan.assign(items, n);
            assertThat(a).hasSize(m);
            assertThat(Arrays.stream(a).allMatch(s -> s >= 1 && s <= n)).isTrue();
            double[] load = ShardPlan.loads(items, n);
            double total = items.stream().mapToDouble(ShardPlan.Item::cost).sum();
            double max = items.stream().mapToDouble(ShardPlan.Item::cost).max().orElse(0);
            // a lower bound of the best possible longest shard, and LPT's 4/3 guarantee against it
            double opt = Math.max(total / n, max);
            assertThat(Arrays.stream(load).max().orElse(0)).isLessThanOrEqualTo(4.0 / 3.0 * opt + 1e-9 * total);
            assertThat(Arrays.stream(load).sum()).isCloseTo(total, Offset.offset(1e-9 * total + 1e-12));
            assertThat(ShardPlan.assign(items, n)).as("deterministic").isEqualTo(a);
        }
    }

    @Test
    void balancesByCostNotByCount() {
        List<ShardPlan.Item> items = new ArrayList<>();
        items.add(new ShardPlan.Item("long", 100));
        for (int i = 0; i < 10; i++) {
            items.add(new ShardPlan.Item("short" + i, 10));
        }
        int[] a = ShardPlan.assign(items, 2);
        assertThat(a[0]).isEqualTo(1);
        assertThat(Arrays.stream(a).skip(1).allMatch(s -> s == 2)).isTrue();
        assertThat(ShardPlan.loads(items, 2)).containsExactly(100, 100);
    }

    @Test
    void shardTextIsParsedOrRefusedWithTheExpectedForm() {
        assertThat(ShardPlan.Shard.parse("2/3")).isEqualTo(new ShardPlan.Shard(2, 3));
        for (String bad : List.of("0/3", "4/3", "3", "/3", "a/b", "1/0", "-1/2")) {
            assertThatThrownBy(() -> ShardPlan.Shard.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("i/n");
        }
    }

    @Test
    void costsScaleWithTriesAndFallBackToTheMedianPerTry() {
        CostTable t = CostTable.parse(
                "# comment\na/holds on gd\t100\t1000\nb/holds on gd\t10\t50\nc/holds on gd\t1000\t3000\n");
        assertThat(t.size()).isEqualTo(3);
        assertThat(t.cost("a/holds on gd", 100)).isEqualTo(1000);
        assertThat(t.cost("a/holds on gd", 50)).isEqualTo(500);
        // ms per try 10, 5 and 3: median 5
        assertThat(t.cost("new/holds on gd", 40)).isEqualTo(200);
        // an observation not in the table: the median regime
        assertThat(t.cost(CostTable.observationKey("land.x", "gd"), 0)).isEqualTo(1000);
        assertThat(CostTable.empty().cost("x", 7)).isEqualTo(7);
        assertThatThrownBy(() -> CostTable.parse("a\t1\n")).hasMessageContaining("line 1");
    }

    @Test
    void theShippedTableCoversTheCatalog() {
        CostTable t = CostTable.measured();
        assertThat(t.size()).isGreaterThan(200);
        assertThat(t.contains(CostTable.key("gd.logistic-max-margin", "holds", "gd")))
                .isTrue();
    }
}
