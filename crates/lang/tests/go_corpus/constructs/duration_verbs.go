// A relay race timed on the clock: durations printed with %v, %s, %d and Println.
package main

import (
	"fmt"
	"time"
)

func leg(runner string, d time.Duration, baton chan string) {
	time.Sleep(d)
	baton <- runner
}

func main() {
	start := time.Now()
	baton := make(chan string)
	legs := []time.Duration{1500 * time.Millisecond, 2 * time.Second, 250 * time.Millisecond}
	names := []string{"Ama", "Bo", "Cy"}
	var total time.Duration
	for i, d := range legs {
		go leg(names[i], d, baton)
		fmt.Printf("%s ran %v (%d ns)\n", <-baton, d, d)
		total += d
	}
	fmt.Println("total", total)
	fmt.Printf("%+v %s\n", total, 2*time.Minute+total)
	elapsed := time.Since(start)
	fmt.Println(elapsed >= total)
	fmt.Println(time.Hour, 90*time.Second, time.Duration(0))
}
