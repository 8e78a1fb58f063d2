package main

import (
	"fmt"
	"sync"
)

// Ballot box: the mutex guards the map of votes.
type BallotBox struct {
	mu    sync.Mutex
	votes map[string]int
}

// cast adds one vote for a candidate.
func (b *BallotBox) cast(name string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.votes[name]++
}

// count reads one candidate's votes under the lock.
func (b *BallotBox) count(name string) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.votes[name]
}

func main() {
	box := BallotBox{votes: map[string]int{"Ines": 0, "Oskar": 0}}
	var wg sync.WaitGroup

	vote := func(name string, n int) {
		for i := 0; i < n; i++ {
			box.cast(name)
		}
		wg.Done()
	}

	wg.Add(3)
	go vote("Ines", 120)
	go vote("Ines", 80)
	go vote("Oskar", 150)
	wg.Wait()

	fmt.Println("Ines:", box.count("Ines"))
	fmt.Println("Oskar:", box.count("Oskar"))
	fmt.Println(box.votes)
}
