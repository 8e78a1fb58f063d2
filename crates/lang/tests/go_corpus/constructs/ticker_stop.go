package main

import (
	"fmt"
	"time"
)

func main() {
	t := time.NewTicker(50 * time.Millisecond)
	for i := 0; i < 2; i++ {
		<-t.C
		fmt.Println("tick", i)
	}
	t.Stop()
	select {
	case <-t.C:
		fmt.Println("tick after stop")
	case <-time.After(200 * time.Millisecond):
		fmt.Println("quiet after stop")
	}
	timer := time.NewTimer(time.Second)
	fmt.Println(timer.Stop(), timer.Stop())
}
