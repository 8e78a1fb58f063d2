package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	time.Sleep(120 * time.Millisecond)
	elapsed := time.Since(start)
	fmt.Println(elapsed >= 120*time.Millisecond, elapsed < 2*time.Second)
	d := 3*time.Second + 250*time.Millisecond
	fmt.Println(d, d/5, time.Duration(90)*time.Millisecond)
}
