package main

import "fmt"

type Meter struct {
	reading int
}

func (m *Meter) Add(n int) {
	m.reading += n
}

func (m Meter) Value() int {
	return m.reading
}

func bump(m *Meter) {
	m.Add(10)
}

func main() {
	var m Meter
	m.Add(1)
	bump(&m)
	p := &m
	p.Add(100)
	(*p).reading++
	fmt.Println(m.Value(), p.Value(), m.reading)
}
