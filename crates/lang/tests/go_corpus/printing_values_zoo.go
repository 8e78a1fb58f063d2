package main

import "fmt"

type Animal struct {
	Name string
	Legs int
	Fed  bool
}

type Enclosure struct {
	Keeper  string
	Animals []Animal
}

func main() {
	legs := []int{4, 2, 0, 8}
	feeding := map[string]int{"zebra": 3, "emu": 1, "boa": 7}
	heron := Animal{"heron", 2, false}
	pen := &Enclosure{Keeper: "Aiko", Animals: []Animal{heron, {Name: "ibis", Legs: 2}}}

	fmt.Println(legs)
	fmt.Println(feeding)
	fmt.Println(heron)
	fmt.Println(pen)
	fmt.Printf("%v\n", *pen)
	fmt.Printf("%+v\n", heron)
	fmt.Printf("%v %d\n", legs, legs)
	fmt.Printf("%q\n", []string{"tusk", "mane"})
	fmt.Println(len(feeding), feeding["emu"], feeding["lion"])
	var nothing map[string]bool
	fmt.Println(nothing, nothing == nil)
	fmt.Println([]bool{true, false}, []string{})
	fmt.Println(Animal{})
}
