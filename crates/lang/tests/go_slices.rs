//! Go slices through the real simulator: shared backing arrays, `append`'s aliasing and
//! growth, `copy`, re-slicing, ranging, printing and Go's bounds panics. Each expected output
//! is what `go run` (go1.27.3) printed for the same program.

mod common;

use common::*;
use lang::Dialect::Go;
use sim::world::Status;

const TRAIN: &str = r#"package main

import "fmt"

func main() {
	cars := []string{"engine", "coal", "mail"}
	fmt.Println(cars, len(cars), cap(cars))
	cars = append(cars, "dining", "sleeper")
	fmt.Println(cars, len(cars), cap(cars))
	front := cars[:2]
	front[1] = "water"
	fmt.Println(cars[1], cars[1:4])
	for i, c := range cars {
		fmt.Println(i, c)
	}
	grid := [][]int{{1, 2}, {3}}
	fmt.Println(grid, len(grid[0]))
	var empty []int
	fmt.Println(empty == nil, len(empty), empty)
	nums := make([]int, 3)
	nums[0] += 5
	nums[1]++
	fmt.Println(nums)
}
"#;

#[test]
fn slices_share_storage_grow_and_print_as_go_does() {
    assert_eq!(
        output(Go, TRAIN),
        [
            "[engine coal mail] 3 3",
            "[engine coal mail dining sleeper] 5 6",
            "water [water mail dining]",
            "0 engine",
            "1 water",
            "2 mail",
            "3 dining",
            "4 sleeper",
            "[[1 2] [3]] 2",
            "true 0 []",
            "[5 1 0]",
        ]
    );
}

const BATCHES: &str = r#"package main

import "fmt"

func main() {
	var batch []int
	for i := 1; i <= 9; i++ {
		batch = append(batch, i)
		fmt.Print(cap(batch), " ")
	}
	fmt.Println(batch)
	dst := make([]int, 4)
	n := copy(dst, batch[6:])
	fmt.Println(n, dst, batch[2:5:6], cap(batch[2:5:6]))
}
"#;

#[test]
fn append_grows_capacity_by_gos_rule_and_copy_counts() {
    assert_eq!(
        output(Go, BATCHES),
        [
            "1 2 4 4 8 8 8 8 16 [1 2 3 4 5 6 7 8 9]",
            "3 [7 8 9 0] [3 4 5] 4"
        ]
    );
}

fn crash_of(src: &str) -> String {
    let w = run_seeded(&program(Go, src), 0);
    w.processes()
        .iter()
        .find_map(|p| match p.status() {
            Status::Crashed(r) => Some(r.to_string()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no crash: {:?}", lines(&w)))
}

#[test]
fn out_of_range_accesses_panic_with_gos_wording() {
    let index = "package main\nimport \"fmt\"\nfunc main() {\n\ts := []int{1, 2, 3}\n\ti := 5\n\tfmt.Println(s[i])\n}\n";
    assert!(crash_of(index).contains("index out of range [5] with length 3"));
    let bounds = "package main\nimport \"fmt\"\nfunc main() {\n\ts := []int{1, 2, 3}\n\ti := 4\n\tfmt.Println(s[1:i])\n}\n";
    assert!(crash_of(bounds).contains("slice bounds out of range [:4] with capacity 3"));
    let inverted = "package main\nimport \"fmt\"\nfunc main() {\n\ts := []int{1, 2, 3}\n\ti := 2\n\tfmt.Println(s[i:1])\n}\n";
    assert!(crash_of(inverted).contains("slice bounds out of range [2:1]"));
}

const SHARED_SLOTS: &str = r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	slots := make([]int, 2)
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots[SLOT] = w + 1
		}()
	}
	wg.Wait()
	fmt.Println(len(slots))
}
"#;

#[test]
fn goroutines_writing_one_element_race_and_different_elements_do_not() {
    let same = program(Go, &SHARED_SLOTS.replace("SLOT", "0"));
    let apart = program(Go, &SHARED_SLOTS.replace("SLOT", "w"));
    let mut raced = false;
    for seed in 0..20 {
        raced |= run_seeded(&same, seed).has_race();
        let w = run_seeded(&apart, seed);
        assert!(!w.has_race(), "seed {seed}: {:?}", w.findings());
        assert_eq!(lines(&w), ["2"]);
    }
    assert!(raced);
}

#[test]
fn malformed_slice_expressions_are_errors() {
    check_errors(
        Go,
        &[
            (
                "func main() {\n\ts := []int{1}\n\t_ = s[0:1:]\n}\n",
                "the final index is required in a 3-index slice",
                "3:12",
            ),
            (
                "func main() {\n\ts := []int{1}\n\t_ = s[::1]\n}\n",
                "the middle index is required in a 3-index slice",
                "3:10",
            ),
            (
                "func main() {\n\ts := []int{1}\n\t_ = s[1:2\n}\n",
                "to close the slice expression",
                "3:11",
            ),
            (
                "func main() {\n\tn := 3\n\t_ = n[1:2]\n}\n",
                "cannot slice an int",
                "3:6",
            ),
            (
                "func main() {\n\ts := []int{1}\n\ts = append(s, \"x\")\n}\n",
                "cannot use a string as an int in append",
                "3:16",
            ),
            (
                "func main() {\n\ts := []int{1}\n\t_ = s[-1:]\n}\n",
                "must not be negative",
                "3:8",
            ),
            (
                "func main() {\n\t_ = make([]int, 5, 2)\n}\n",
                "length and capacity swapped",
                "2:6",
            ),
            (
                "func main() {\n\t_ = []int{1, \"two\"}\n}\n",
                "cannot use a string as an int in a slice literal",
                "2:15",
            ),
        ],
    );
}
