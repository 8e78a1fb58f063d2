package main

import "fmt"

// Plot is one bed of a community garden.
type Plot struct {
	Owner  string
	Width  int
	Length int
	Crops  []string
}

// Area uses a value receiver: it gets a copy.
func (p Plot) Area() int {
	return p.Width * p.Length
}

// Plant uses a pointer receiver, so the change is kept.
func (p *Plot) Plant(crop string) {
	p.Crops = append(p.Crops, crop)
}

// Rename on a value receiver changes only the copy.
func (p Plot) Rename(owner string) {
	p.Owner = owner
}

func main() {
	north := Plot{Owner: "Yusuf", Width: 3, Length: 4}
	north.Plant("beans")
	north.Plant("kale")
	north.Rename("nobody")
	fmt.Println(north.Owner, north.Area(), north.Crops)

	south := &Plot{"Greta", 2, 5, nil}
	south.Plant("leeks")
	south.Width++
	fmt.Println(south.Owner, south.Area(), len(south.Crops))

	copyOfNorth := north
	copyOfNorth.Width = 10
	fmt.Println(north.Width, copyOfNorth.Width)
	fmt.Printf("%v\n%+v\n", north, *south)
}
