package main

import "fmt"

type Point struct {
	X, Y int
}

type Label struct {
	Text string
	At   Point
}

func main() {
	var zero Point
	a := Point{}
	b := Point{X: 3}
	c := Point{4, 5}
	p := &Point{Y: 7}
	l := Label{Text: "dock", At: Point{1, 2}}
	fmt.Println(zero, a, b, c, *p, p.Y)
	l.At.X = 9
	fmt.Println(l, l.At.X)
	fmt.Printf("%+v\n", l)
}
