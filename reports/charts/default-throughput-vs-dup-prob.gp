# Throughput vs duplicate rate (1M records)
# Written by dedupbench report. Regenerate from this directory: gnuplot default-throughput-vs-dup-prob.gp
set encoding utf8
set terminal svg size 900,540 dynamic noenhanced font 'sans,12' background rgb 'white'
set output 'default-throughput-vs-dup-prob.svg'
set title 'Throughput vs duplicate rate (1M records)'
set key outside right top noenhanced
set grid ytics
set border 3
set tics nomirror
set xlabel 'duplicate rate (dup_prob)'
set xrange [0:0.306]
set xtics ('0%%' 0, '10%%' 0.1, '30%%' 0.3)
set ylabel 'throughput (records/s)'
set yrange [0:3000000]
set ytics ('0' 0, '1M' 1000000, '2M' 2000000, '3M' 3000000)
set label 'bronze_append · duplicate rate 0%: 2.43M [95% CI 2.13M–2.72M]' at 0, 2428990.5501947887 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 10%: 2.21M [95% CI 1.76M–2.33M]' at 0.1, 2214503.449772198 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'bronze_append · duplicate rate 30%: 2.18M [95% CI 1.92M–2.47M]' at 0.3, 2182558.68010829 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 0%: 1.63M [95% CI 1.4M–1.8M]' at 0, 1631121.976955853 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 10%: 1.41M [95% CI 1.33M–1.6M]' at 0.1, 1407216.6769489527 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'delta_merge · duplicate rate 30%: 1.68M [95% CI 1.44M–1.75M]' at 0.3, 1682545.3818144978 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 0%: 2.27M [95% CI 2.16M–2.32M]' at 0, 2270467.30117726 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 10%: 1.89M [95% CI 1.52M–2.02M]' at 0.1, 1888245.8905242733 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'eager_dedup · duplicate rate 30%: 2.09M [95% CI 1.69M–2.17M]' at 0.3, 2086813.736291918 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 0%: 1.74M [95% CI 1.71M–1.77M]' at 0, 1742137.9192844816 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 10%: 1.5M [95% CI 1.43M–1.58M]' at 0.1, 1503595.791561314 hypertext point pt 7 ps 2 lc rgb '#ff000000'
set label 'polars_merge · duplicate rate 30%: 1.81M [95% CI 1.66M–1.84M]' at 0.3, 1805946.1829228194 hypertext point pt 7 ps 2 lc rgb '#ff000000'
plot 'default-throughput-vs-dup-prob.dat' index 0 using 1:2:3:4 with yerrorlines lc rgb '#4477aa' pt 7 dt 1 lw 2 ps 1.1 title 'bronze_append', \
     '' index 1 using 1:2:3:4 with yerrorlines lc rgb '#ee6677' pt 5 dt 2 lw 2 ps 1.1 title 'delta_merge', \
     '' index 2 using 1:2:3:4 with yerrorlines lc rgb '#228833' pt 9 dt 4 lw 2 ps 1.1 title 'eager_dedup', \
     '' index 3 using 1:2:3:4 with yerrorlines lc rgb '#ccbb44' pt 13 dt 5 lw 2 ps 1.1 title 'polars_merge'
unset label
set terminal pngcairo size 1200,720 noenhanced font 'sans,11' background rgb 'white'
set output 'default-throughput-vs-dup-prob.png'
replot
unset output
