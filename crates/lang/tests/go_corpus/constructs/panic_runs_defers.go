package main

import "fmt"

func inner() {
	defer fmt.Println("inner deferred")
	panic("boiler pressure too high")
}

func main() {
	defer fmt.Println("main deferred")
	fmt.Println("starting")
	inner()
	fmt.Println("unreachable")
}
