# throughput (records/s) — evil ‘name‘ | 'q'
# Written by dedupbench report. Regenerate from this directory: gnuplot evil-name-q-throughput.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'evil-name-q-throughput.svg'
set title 'throughput (records/s) — evil ‘name‘ | ''q'''
set key outside right top noenhanced
set grid ytics
set ylabel 'throughput (records/s)'
set yrange [0:*]
set style fill solid 0.75 border -1
set boxwidth 0.6
set xrange [-0.6:1.6]
set xtics ('plain' 0, 'x‘touch /tmp/dedupbench-pwned‘''" | system("id") @m' 1) rotate by -35
plot 'evil-name-q-throughput.dat' using 1:2 with boxes lc rgb '#4477aa' notitle, \
     '' using 1:2:3:4 with yerrorbars lc rgb 'black' pt 0 title '95% CI'
unset output
