package main

import (
	"fmt"
	"sync"
)

type Gate struct {
	Name   string
	Passes int
}

type Park struct {
	sync.Mutex
	gates map[string]int
	total int
}

// enter is handed a pointer, so every goroutine counts into the same Park.
func enter(p *Park, gate *Gate, people int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < people; i++ {
		p.Lock()
		p.total++
		p.gates[gate.Name]++
		p.Unlock()
	}
	gate.Passes += people
}

func main() {
	park := &Park{gates: make(map[string]int)}
	north := &Gate{Name: "north"}
	south := new(Gate)
	south.Name = "south"
	var wg sync.WaitGroup
	wg.Add(2)
	go enter(park, north, 7, &wg)
	go enter(park, south, 5, &wg)
	wg.Wait()
	fmt.Println("total", park.total)
	fmt.Println(park.gates["north"], park.gates["south"])
	fmt.Println(*north, *south)
	fmt.Printf("%+v\n", north)
	snapshot := *north
	snapshot.Passes = 0
	fmt.Println(north.Passes, snapshot.Passes)
}
