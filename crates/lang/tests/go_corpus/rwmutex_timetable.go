package main

import (
	"fmt"
	"sync"
)

// Timetable is read often and changed rarely, so readers share the lock.
type Timetable struct {
	mu         sync.RWMutex
	departures map[string]string
}

func (t *Timetable) Lookup(route string) string {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.departures[route]
}

func (t *Timetable) Change(route, at string) {
	t.mu.Lock()
	t.departures[route] = at
	t.mu.Unlock()
}

func main() {
	tt := &Timetable{departures: map[string]string{"14": "08:10", "27": "08:25"}}
	var wg sync.WaitGroup

	found := make([]string, 6)
	for i := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			found[i] = tt.Lookup("27")
		}()
	}
	wg.Wait()
	fmt.Println(found)

	tt.Change("27", "08:40")
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println("route 27 now leaves at", tt.Lookup("27"))
	}()
	wg.Wait()
	fmt.Println("route 14 leaves at", tt.Lookup("14"))
}
