package main

import (
	"fmt"
	"sync"
)

// A lookup asks how many copies of a title are on the shelf.
type lookup struct {
	title string
	reply chan int
}

// A restock adds copies and confirms.
type restock struct {
	title  string
	copies int
	reply  chan bool
}

func main() {
	lookups := make(chan lookup)
	restocks := make(chan restock)

	// Only this goroutine ever touches the shelf map.
	go func() {
		shelf := map[string]int{"Dune": 2}
		for {
			select {
			case q := <-lookups:
				q.reply <- shelf[q.title]
			case r := <-restocks:
				shelf[r.title] += r.copies
				r.reply <- true
			}
		}
	}()

	var wg sync.WaitGroup
	for _, title := range []string{"Dune", "Emma", "Dune"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := restock{title: title, copies: 3, reply: make(chan bool)}
			restocks <- r
			<-r.reply
		}()
	}
	wg.Wait()

	for _, title := range []string{"Dune", "Emma", "Ulysses"} {
		q := lookup{title: title, reply: make(chan int)}
		lookups <- q
		fmt.Printf("%s: %d copies\n", title, <-q.reply)
	}
}
