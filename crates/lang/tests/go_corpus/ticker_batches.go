package main

import (
	"fmt"
	"time"
)

func main() {
	jobs := []string{"wash", "dry", "fold", "iron", "pack"}
	tick := time.NewTicker(25 * time.Millisecond)
	defer tick.Stop()
	done := 0
	for done < len(jobs) {
		<-tick.C
		// Two jobs may start per tick.
		end := done + 2
		if end > len(jobs) {
			end = len(jobs)
		}
		fmt.Println("tick:", jobs[done:end])
		done = end
	}
	fmt.Println("all", len(jobs), "jobs started")
}
